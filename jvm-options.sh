# The JVM options aksh runs with, sourced by ./aksh and ./bench (so in-process benchmarks run as aksh does).
# - the serial collector: a shell's heap is small, and it needs no GC threads on two cores;
# - warnings to stderr, the class-data archive's own messages off;
# - the Tier4 thresholds (5-10x the JDK's) hold the optimising compiler back from code that runs only while
#   aksh starts: on two cores its compilations took the CPU the first sign-in needs (-0.1 s per cold run,
#   docs/decisions.md); code that stays hot, such as a tunnel's TLS, crosses them within milliseconds.
aksh_jvm_options=(-XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Xlog:all=warning:stderr -Xlog:cds=off
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=75000
  -XX:Tier4BackEdgeThreshold=400000)
