// The C maths library, without Foundation: the kernel needs log, exp, sqrt, cos, pow and lgamma.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
