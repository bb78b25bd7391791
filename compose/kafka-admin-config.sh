#!/usr/bin/env bash
# Writes the Kafka administrator's client settings (SASL/PLAIN over the compose network, docs/runtime.md "Kafka users
# and ACLs") to a file only this user can read, and prints its path: for --command-config of the Kafka tools.
#
#   kafka-admin-config.sh            needs CLINIC_KAFKA_ADMIN_PASSWORD (no quotes or backslashes in it)
set -euo pipefail
: "${CLINIC_KAFKA_ADMIN_PASSWORD:?CLINIC_KAFKA_ADMIN_PASSWORD is not set}"
umask 077
file=$(mktemp /tmp/kafka-admin.XXXXXX.properties)
cat >"$file" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="clinic-admin" password="${CLINIC_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
echo "$file"
