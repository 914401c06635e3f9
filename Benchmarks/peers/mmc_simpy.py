"""SimPy twin of simulate-bench's kernel model: M/M/10, lambda = 9/h, mu = 1/h, FIFO.

Same model, same parameters, same output line shape as `simulate-bench kernel`, so the two can be
compared in one run on one machine (compare-kernel.sh). Time unit: working days of 8 hours, as in
the Swift model. Prints the median of several runs.
"""
import argparse
import random
import statistics
import time

import simpy


def run_once(customers, seed):
    hours_per_day = 8.0
    arrival_rate, service_rate, servers = 9 * hours_per_day, 1 * hours_per_day, 10
    horizon = customers / arrival_rate
    env = simpy.Environment()
    counter = simpy.Resource(env, capacity=servers)
    arrivals, services = random.Random(seed), random.Random(seed + 1)
    stats = {"served": 0, "wait_sum": 0.0}

    def customer(env):
        arrived = env.now
        with counter.request() as request:
            yield request
            stats["wait_sum"] += env.now - arrived
            yield env.timeout(services.expovariate(service_rate))
            stats["served"] += 1

    def source(env):
        while True:
            yield env.timeout(arrivals.expovariate(arrival_rate))
            env.process(customer(env))

    env.process(source(env))
    started = time.perf_counter()
    env.run(until=horizon)
    seconds = time.perf_counter() - started
    return stats["served"], seconds, stats["wait_sum"] / max(stats["served"], 1) * hours_per_day


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rates = []
    for _ in range(args.runs):
        served, seconds, mean_wait_hours = run_once(args.customers, args.seed)
        rates.append(served / seconds)
        print(f"run: customers={served} seconds={seconds:.3f} mean_wait_hours={mean_wait_hours:.4f}")
    print(f"simpy.mmc customers_per_second={int(statistics.median(rates))}")


if __name__ == "__main__":
    main()
