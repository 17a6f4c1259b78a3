#!/usr/bin/env bash
# The performance benchmark (bench/README.md): builds Youcheng's production jar and the hello-world
# reference in this run, then generates the data set (once) and takes the five measurements.
# Settings come from the environment: BENCH_AGREEMENTS, BENCH_SESSIONS, BENCH_ROUNDS, BENCH_START_RUNS,
# BENCH_SEARCHES, and BENCH_DATABASE_URL / _USERNAME / _PASSWORD for an external PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=../.ci/jdk.sh
source .ci/jdk.sh
# shellcheck source=../.ci/node.sh
source .ci/node.sh

./mvnw -B -ntp -q -Pproduction -DskipTests package
./mvnw -B -ntp -q -f bench/hello/pom.xml -DskipTests package
./mvnw -B -ntp -q -Pbench -DskipTests test-compile exec:exec
