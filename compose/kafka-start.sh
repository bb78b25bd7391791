#!/usr/bin/env bash
# Entry point of the kafka service: writes the broker's logins (JAAS, readable by the broker's user only) from the
# environment, then starts the image's own entry point. In a file, not in KAFKA_*_SASL_JAAS_CONFIG variables: the
# image turns KAFKA_* variables into server.properties, but drops any whose value holds an "=".
#  - listener CLIENT: the services' SCRAM-SHA-256 users (made by kafka-init) and the administrator's PLAIN login
#    (a static one, so that it works before any SCRAM user exists; also the broker's own inter-broker login);
#  - listener CONTROLLER: one PLAIN login, the broker's to its controller.
#
#   CLINIC_KAFKA_ADMIN_PASSWORD, CLINIC_KAFKA_CONTROLLER_PASSWORD   (letters, digits, - and _ only)
set -euo pipefail
: "${CLINIC_KAFKA_ADMIN_PASSWORD:?CLINIC_KAFKA_ADMIN_PASSWORD is not set}"
: "${CLINIC_KAFKA_CONTROLLER_PASSWORD:?CLINIC_KAFKA_CONTROLLER_PASSWORD is not set}"
jaas=${CLINIC_KAFKA_JAAS_FILE:-/tmp/clinic-kafka-server-jaas.conf}
umask 077
cat >"$jaas" <<JAAS
client.KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="clinic-admin" password="${CLINIC_KAFKA_ADMIN_PASSWORD}"
    user_clinic-admin="${CLINIC_KAFKA_ADMIN_PASSWORD}";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
controller.KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="clinic-controller" password="${CLINIC_KAFKA_CONTROLLER_PASSWORD}"
    user_clinic-controller="${CLINIC_KAFKA_CONTROLLER_PASSWORD}";
};
JAAS
export KAFKA_OPTS="${KAFKA_OPTS:-} -Djava.security.auth.login.config=$jaas"
exec "${CLINIC_KAFKA_RUN:-/etc/kafka/docker/run}" "$@"
