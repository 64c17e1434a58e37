#!/usr/bin/env bash
# Crash-and-cluster harness (README, "Crash and cluster harness"): builds the jar once, then runs
# cn.bureau.subsidy.cluster.Harness, which starts two nodes on a fresh PostgreSQL database, drives the cases,
# kills nodes, reconciles from the database and exits non-zero when an invariant fails.
#
#   scripts/cluster-harness.sh                 # 200 cases (the CI size)
#   scripts/cluster-harness.sh --cases 10000   # any option of the harness: see the README
set -euo pipefail
cd "$(dirname "$0")/.."

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "PostgreSQL at 127.0.0.1:5432 does not answer: the harness needs it" >&2
  exit 1
fi

out=target/cluster-harness
mkdir -p "$out"
echo "Building the jar and the harness's classpath"
mvn -B -ntp -q -Dstyle.color=never -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"

exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$out/classpath.txt")" \
    cn.bureau.subsidy.cluster.Harness "$@"
