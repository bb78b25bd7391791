#!/usr/bin/env bash
# Health probe of the kafka service: a real request to the broker (ApiVersions) as the administrator, since the
# broker lets no one in without a login. The probe's JVM gets a small heap.
set -euo pipefail
config=$(bash /opt/clinic/kafka-admin-config.sh)
trap 'rm -f "$config"' EXIT
KAFKA_HEAP_OPTS=-Xmx128m /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 \
  --command-config "$config" >/dev/null
