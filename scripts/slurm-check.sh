#!/bin/bash
# Proves docs/cluster.md on a real Slurm. Brings up a one-node Slurm (Debian's slurmctld and slurmd,
# with munge) on localhost in a temporary folder, builds the static binary as the doc says, submits
# the doc's job-array scripts unchanged (they are cut out of the doc, so it cannot drift), merges with
# --dependency=afterok, and compares the merged files byte for byte with an unsharded run. It also
# fails one task on purpose, reruns it alone and merges again, and decodes the doc's Kubernetes Job
# with kubectl. Prints one verdict line; stops everything it started and removes its folder.
#
#   sudo scripts/slurm-check.sh            # root: the daemons run as root on this machine
#
# Environment: SLURM_CHECK_LIMIT (seconds, default 3600: the check stops itself after this),
# SLURM_CHECK_REPLICATIONS (default 4), SIMULATE_BIN (a static simulate already built: skips the
# build, for iterating on this script; the verdict says so). Not part of .ci/run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOC="$ROOT/docs/cluster.md"
LIMIT=${SLURM_CHECK_LIMIT:-3600}
R=${SLURM_CHECK_REPLICATIONS:-4}
TASKS=4
STARTED=$(date +%s)
T=$(mktemp -d /tmp/kompeten-slurm-check.XXXXXX)
W="$T/work"
WATCHDOG=""

say() { echo "slurm-check: $*" >&2; }
fail() { echo "slurm-check: FAIL: $* ($(( $(date +%s) - STARTED )) s)"; exit 1; }

cleanup() {
    set +e
    # Its sleep first (a child of the watchdog), then the watchdog itself.
    [ -n "$WATCHDOG" ] && { pkill -TERM -P "$WATCHDOG" 2>/dev/null; kill "$WATCHDOG" 2>/dev/null; wait "$WATCHDOG" 2>/dev/null; }
    if [ -f "$T/slurm.conf" ]; then
        export SLURM_CONF="$T/slurm.conf"
        # Jobs first, so no job step outlives the daemons.
        scancel --quiet $(squeue -h -o %i 2>/dev/null) 2>/dev/null
        for _ in $(seq 1 20); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 1; done
        scontrol shutdown >/dev/null 2>&1
        for pidfile in "$T/slurmctld.pid" "$T/slurmd.pid"; do
            for _ in $(seq 1 20); do [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.5; done
            [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null
        done
    fi
    [ -S "$T/munge.socket" ] && munged --socket="$T/munge.socket" --stop >/dev/null 2>&1
    rm -rf "$T"
    # SwiftPM's lock files for the build folder, named after its path, beside it in /tmp.
    rm -f "/tmp/$(echo "$T" | tr / _)"_src_.build*.lock
}
trap cleanup EXIT
trap 'fail "stopped by a signal or by the time limit of ${LIMIT} s"' TERM INT
# The watchdog: one background job that ends its own sleep when it is stopped, with its output
# away from the caller's, so nothing of it outlives the script or holds the caller's pipe open.
watchdog() {
    local nap=""
    # The trap first: stopped before its sleep starts, there is no sleep to leave behind.
    trap '[ -n "$nap" ] && kill "$nap" 2>/dev/null; exit 0' TERM INT
    sleep "$LIMIT" &
    nap=$!
    wait "$nap" && kill -TERM $$ 2>/dev/null
}
watchdog </dev/null >/dev/null 2>&1 &
WATCHDOG=$!

# The first fenced block after `<!-- slurm-check: NAME -->` in docs/cluster.md.
block() {
    awk -v marker="<!-- slurm-check: $1 -->" '
        $0 == marker { armed = 1; next }
        armed && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }' "$DOC"
}
for name in build prepare array merge sensitivity sensitivity-merge kubernetes; do
    [ -n "$(block "$name")" ] || fail "docs/cluster.md has no block marked slurm-check: $name"
done

# MARK: Slurm and munge on localhost
[ "$(id -u)" = 0 ] || fail "run as root: the daemons of a one-node Slurm run as root here"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    say "installing slurmctld, slurmd, slurm-client and munge (Debian packages)"
    # A fresh machine has no package lists yet: without them apt cannot locate munge.
    apt-get update >"$T/apt.log" 2>&1 || fail "apt-get update failed; see its output: $(tail -1 "$T/apt.log")"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge >"$T/apt.log" 2>&1 \
        || fail "could not install Slurm from Debian's packages; see apt-get's output: $(tail -1 "$T/apt.log")"
fi
VERSION=$(slurmctld -V | awk '{print $2}')
mungekey --create --keyfile="$T/munge.key" --force >/dev/null 2>&1 || dd if=/dev/urandom of="$T/munge.key" bs=1024 count=1 status=none
chmod 600 "$T/munge.key"
chmod 700 "$T"
munged --force --key-file="$T/munge.key" --socket="$T/munge.socket" --pid-file="$T/munged.pid" \
    --log-file="$T/munged.log" --seed-file="$T/munged.seed" || fail "munged did not start"
NODE=$(hostname -s)
CPUS=$(nproc)
mkdir -p "$T/state" "$T/spool" "$W"
cat >"$T/slurm.conf" <<EOF
ClusterName=kompetencheck
SlurmctldHost=$NODE
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$T/munge.socket
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$NODE CPUs=$CPUS State=UNKNOWN
PartitionName=check Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$T/slurm.conf"
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start; see $T/slurmctld.log"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start; see $T/slurmd.log"
for _ in $(seq 1 30); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo -h -o %T | grep -q idle || fail "the node did not come up idle: $(sinfo -h -o '%T %E' 2>&1)"
say "Slurm $VERSION up on $NODE ($CPUS CPUs)"

# MARK: the static binary, built as the doc says, from a copy of this tree
if [ -n "${SIMULATE_BIN:-}" ]; then
    cp "$SIMULATE_BIN" "$W/simulate"
    BUILT="reused $SIMULATE_BIN"
else
    mkdir -p "$T/src"
    (cd "$ROOT" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$T/src"
    say "building the static binary (docs/cluster.md's commands; several minutes)"
    (cd "$T/src" && bash -euo pipefail -c "$(block build)") >"$T/build.log" 2>&1 || fail "the build failed: $(tail -3 "$T/build.log")"
    cp "$T/src/.build/release/simulate" "$W/simulate"
    rm -rf "$T/src"
    BUILT="built static, $(( $(stat -c %s "$W/simulate") / 1048576 )) MiB stripped"
fi
cp -r "$ROOT/scenarios" "$W/scenarios"
block array >"$W/kompeten-array.sh"
block sensitivity >"$W/kompeten-sensitivity.sh"
block kubernetes >"$T/job.yaml"
MERGE=$(block merge)
SENSITIVITY_MERGE=$(block sensitivity-merge)
cd "$W"
bash -euo pipefail -c "$(block prepare)"

# MARK: helpers
state() { scontrol show job "$1" 2>/dev/null | grep -oE 'JobState=[A-Z_]+' | head -1 | cut -d= -f2; }
reason() { scontrol show job "$1" 2>/dev/null | grep -oE 'Reason=[A-Za-z_]+' | head -1 | cut -d= -f2; }
# Waits until every job given has ended (left the queue's running and pending states).
wait_ended() {
    for job in "$@"; do
        while :; do
            case "$(state "$job")" in PENDING | RUNNING | CONFIGURING | COMPLETING | REQUEUED) sleep 1 ;; *) break ;; esac
        done
    done
}
# Every array task's state, one per line.
task_states() { scontrol show job "$1" 2>/dev/null | grep -oE 'JobState=[A-Z_]+' | cut -d= -f2; }
# Compares every file of two results folders except run.json (it holds the wall time) and
# SHA256SUMS (it holds run.json's hash), after checking each folder against its own SHA256SUMS;
# prints the count on success.
same_files() {
    local a=$1 b=$2 n=0
    [ -d "$b" ] || { echo "no $b"; return 1; }
    for dir in "$a" "$b"; do
        (cd "$dir" && sha256sum -c --quiet SHA256SUMS >/dev/null 2>&1) || { echo "$dir does not match its SHA256SUMS"; return 1; }
    done
    for file in "$a"/*; do
        local name; name=$(basename "$file")
        case "$name" in run.json|SHA256SUMS) continue ;; esac
        cmp -s "$file" "$b/$name" || { echo "$name differs"; return 1; }
        n=$((n + 1))
    done
    [ "$(ls "$b" | grep -vcE '^(run.json|SHA256SUMS)$')" = "$n" ] || { echo "$b has files $a lacks"; return 1; }
    echo "$n"
}
submit_array() { sbatch --parsable --array=1-$TASKS --cpus-per-task=1 --export="ALL,REPLICATIONS=$R,SAMPLES=2" "$@"; }
submit_merge() { sbatch --parsable --dependency="afterok:$1" --output=logs/merge-%j.out --wrap "$2"; }

# MARK: the unsharded references
./simulate scenarios/*.json --replications "$R" --jobs "$CPUS" --out reference --quiet 2>/dev/null || fail "the unsharded run failed"
./simulate sensitivity scenarios/baseline.json --method morris --samples 2 --replications "$R" --jobs "$CPUS" \
    --out sensitivity-reference --quiet || fail "the unsharded sensitivity run failed"

# MARK: 1. the array, then the merge after it
array=$(submit_array kompeten-array.sh) || fail "sbatch refused the array script"
merge=$(submit_merge "$array" "$MERGE") || fail "sbatch refused the merge"
wait_ended "$array" "$merge"
[ "$(state "$merge")" = COMPLETED ] || fail "the merge ended $(state "$merge"); tasks: $(task_states "$array" | tr '\n' ' '); logs: $(tail -2 logs/* 2>/dev/null)"
run_files=$(same_files reference results) || fail "merged run differs from the unsharded one: $run_files"
say "run: $TASKS tasks merged after afterok = unsharded ($run_files files)"

# MARK: 2. one task fails, is rerun alone, and the merge is still identical
rm -rf shards results && mkdir -p shards
touch shards/shard-2   # a file where task 2 must write its folder: the task fails, as on a full disk
array=$(submit_array kompeten-array.sh)
merge=$(submit_merge "$array" "$MERGE")
wait_ended "$array"
task2=$(scontrol show job "${array}_2" | grep -oE 'JobState=[A-Z_]+' | cut -d= -f2)
[ "$task2" = FAILED ] || fail "task 2 was meant to fail and ended $task2"
for _ in $(seq 1 20); do [ "$(reason "$merge")" = DependencyNeverSatisfied ] && break; sleep 1; done
[ "$(reason "$merge")" = DependencyNeverSatisfied ] || fail "the merge after a failed task is $(state "$merge") ($(reason "$merge")), not waiting on a dependency never met"
scancel "$merge"
rm shards/shard-2
scontrol requeue "${array}_2" || fail "scontrol requeue refused task 2"
scontrol update jobid="${array}_2" StartTime=now || fail "could not start the requeued task now"
wait_ended "${array}_2"
[ "$(state "${array}_2")" = COMPLETED ] || fail "the rerun of task 2 ended $(state "${array}_2")"
# As the doc says: afterok on the whole array stays unmet after a failure, so name every task.
merge=$(submit_merge "$(seq -f "${array}_%g" -s : 1 "$TASKS")" "$MERGE")
wait_ended "$merge"
[ "$(state "$merge")" = COMPLETED ] || fail "the merge after the rerun ended $(state "$merge") ($(reason "$merge"))"
rerun_files=$(same_files reference results) || fail "merged run after the rerun differs: $rerun_files"
say "rerun: task 2 failed, was requeued alone, merge = unsharded ($rerun_files files)"

# MARK: 3. a sensitivity design under the same kind of array
array=$(submit_array kompeten-sensitivity.sh) || fail "sbatch refused the sensitivity script"
merge=$(submit_merge "$array" "$SENSITIVITY_MERGE")
wait_ended "$array" "$merge"
[ "$(state "$merge")" = COMPLETED ] || fail "the sensitivity merge ended $(state "$merge"); tasks: $(task_states "$array" | tr '\n' ' ')"
sensitivity_files=$(same_files sensitivity-reference sensitivity-results) || fail "merged sensitivity differs: $sensitivity_files"
say "sensitivity: $TASKS tasks merged = unsharded ($sensitivity_files files)"

# MARK: 4. the Kubernetes manifest, decoded by a real client (no cluster here)
if command -v kubectl >/dev/null; then
    KUBE=$(kubectl version --client 2>/dev/null | head -1 | awk '{print $3}')
    # --local decodes into the typed batch/v1 Job without a server: a wrong type fails; an unknown
    # key is dropped silently, so every key of the manifest must survive the round trip.
    decoded=$(KUBECONFIG=/dev/null kubectl set env --local -f "$T/job.yaml" KOMPETEN_CHECK=1 -o yaml 2>&1) || fail "kubectl cannot decode the Job: $decoded"
    keys() { grep -oE '(^ *(- )?|[{,] *)[A-Za-z]+:' | grep -oE '[A-Za-z]+:' | sort -u; }
    dropped=$(comm -23 <(keys <"$T/job.yaml") <(keys <<<"$decoded") | tr '\n' ' ')
    [ -z "$dropped" ] || fail "kubectl dropped keys it does not know: $dropped"
    kube="kubectl $KUBE decodes the Job, no key dropped"
else
    kube="Kubernetes not checked (no kubectl)"
fi

echo "slurm-check: PASS: Slurm $VERSION, one node; run $TASKS array tasks + afterok merge = unsharded ($run_files files); failed task 2 requeued alone, merge = unsharded; sensitivity $TASKS tasks = unsharded ($sensitivity_files files); $kube; binary $BUILT; $(( $(date +%s) - STARTED )) s"
