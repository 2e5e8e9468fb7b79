#!/usr/bin/env bash
# Runs the catalog effective-status benchmark. Extra arguments go to CatalogBench
# (e.g. --iterations 1000, --json target/catalog-11000.json). Works from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ ! -f target/classes/bonbu/component/graph/CatalogGraph.class ]] \
    || [[ -n "$(find src/main/java -newer target/classes/bonbu/component/graph/CatalogGraph.class -name '*.java' -print -quit)" ]]; then
    ./mvnw -q -o -DskipTests compile || ./mvnw -q -DskipTests compile
fi

exec java -cp target/classes bench/catalog/CatalogBench.java "$@"
