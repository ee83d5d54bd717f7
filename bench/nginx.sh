# Sourced by the web benchmarks: nginx serving "$out/static" on 127.0.0.1:$static_port, the
# anchor the issues ask for. Files without a known extension are served as TYPE (text/html).
# Usage: start_nginx [TYPE]; stop it with: kill "$(cat "$out/nginx.pid")"
start_nginx() {
  cat > "$out/nginx.conf" <<CONF
worker_processes auto;
pid $PWD/$out/nginx.pid;
error_log $PWD/$out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { image/jpeg jpg; image/png png; }
  default_type ${1:-text/html};
  server { listen 127.0.0.1:$static_port; root $PWD/$out/static; }
}
CONF
  nginx -c "$PWD/$out/nginx.conf"
}
