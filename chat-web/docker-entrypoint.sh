#!/bin/sh
# Container start for the chat web app: turn the environment into /config.json (read by the app at
# load time) and into the Content-Security-Policy header, then run the given command (nginx).
# POSIX sh only (the image has busybox, no jq). Every value is JSON-escaped, so quotes, backslashes or
# newlines in a setting can neither break the JSON nor add keys; only strictly validated origins reach
# the nginx config.
#
#   API_URL            base URL of the chat API             (required)
#   COGNITO_AUTHORITY  OIDC issuer of the user pool         (required)
#   COGNITO_CLIENT_ID  app client id                        (required)
#   COGNITO_DOMAIN     hosted UI base URL                   (required)
#   REDIRECT_URI       where Cognito sends people back      (required)
#   LOGOUT_URI         where Cognito sends people after sign-out (required)
#   FRAME_ANCESTORS    CSP frame-ancestors sources of the widget's page, /?embed=1 (default 'none');
#                      every other page is 'none' (frame-ancestors.conf, an nginx map on $arg_embed)
#   CONFIG_DIR         where config.json goes               (default /usr/share/nginx/html)
#   NGINX_CONF_DIR     where csp.conf goes                  (default /etc/nginx/budgetbuddy)
set -eu

fail() {
  printf 'budgetbuddy-entrypoint: %s\n' "$1" >&2
  exit 1
}

require() {
  eval "value=\${$1-}"
  [ -n "$value" ] || fail "$1 is not set; it is required to write config.json"
}

# JSON string body: drop control characters other than tab/newline, escape \ and ", then \t and \n.
json_string() {
  printf '%s' "$1" |
    tr -d '\000-\010\013-\037\177' |
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/$(printf '\t')/\\\\t/g" |
    awk 'NR > 1 { printf "%s", "\\n" } { printf "%s", $0 }'
}

# scheme://host[:port] of an http(s) URL, or nothing when the URL is not one.
origin_of() {
  printf '%s\n' "$1" | sed -n 's#^\(https\{0,1\}://[A-Za-z0-9.-]\{1,253\}\(:[0-9]\{1,5\}\)\{0,1\}\)\([/?#].*\)\{0,1\}$#\1#p' | head -n 1
}

url_origin() {
  eval "value=\${$1}"
  origin=$(origin_of "$value")
  [ -n "$origin" ] || fail "$1 must be an http(s) URL, got: $value"
  printf '%s' "$origin"
}

for name in API_URL COGNITO_AUTHORITY COGNITO_CLIENT_ID COGNITO_DOMAIN REDIRECT_URI LOGOUT_URI; do
  require "$name"
done

api_origin=$(url_origin API_URL)
authority_origin=$(url_origin COGNITO_AUTHORITY)
domain_origin=$(url_origin COGNITO_DOMAIN)
url_origin REDIRECT_URI >/dev/null
url_origin LOGOUT_URI >/dev/null
# Deployed, receipt photos are posted straight to the upload bucket (presigned S3 POST).
upload_origin=
if [ -n "${UPLOAD_ORIGIN:-}" ]; then upload_origin=$(url_origin UPLOAD_ORIGIN); fi

frame_ancestors=${FRAME_ANCESTORS:-"'none'"}
for source in $frame_ancestors; do
  case "$source" in
    "'none'" | "'self'") ;;
    *) [ "$(origin_of "$source")" = "$source" ] || fail "FRAME_ANCESTORS entries must be 'none', 'self' or origins, got: $source" ;;
  esac
done

config_dir=${CONFIG_DIR:-/usr/share/nginx/html}
nginx_conf_dir=${NGINX_CONF_DIR:-/etc/nginx/budgetbuddy}
mkdir -p "$config_dir" "$nginx_conf_dir"

tmp="$config_dir/.config.json.$$"
cat >"$tmp" <<JSON
{
  "apiBase": "$(json_string "$API_URL")",
  "auth": {
    "mode": "cognito",
    "authority": "$(json_string "$COGNITO_AUTHORITY")",
    "clientId": "$(json_string "$COGNITO_CLIENT_ID")",
    "domain": "$(json_string "$COGNITO_DOMAIN")",
    "redirectUri": "$(json_string "$REDIRECT_URI")",
    "logoutUri": "$(json_string "$LOGOUT_URI")"
  }
}
JSON
chmod 0644 "$tmp"
mv -f "$tmp" "$config_dir/config.json"

connect_src=$(printf '%s\n' "'self'" "$api_origin" "$authority_origin" "$domain_origin" $upload_origin | awk '!seen[$0]++' | tr '\n' ' ')
# Only the widget's own page (/?embed=1, what widget.js opens in its iframe) may be framed, and only by
# FRAME_ANCESTORS; the app itself never (clickjacking). nginx picks the value per request.
cat >"$nginx_conf_dir/frame-ancestors.conf" <<CONF
map \$arg_embed \$budgetbuddy_frame_ancestors {
  default "'none'";
  "1" "$frame_ancestors";
}
CONF
csp="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src ${connect_src% }; form-action 'self' $domain_origin; frame-ancestors \$budgetbuddy_frame_ancestors; base-uri 'self'; object-src 'none'"
printf 'add_header Content-Security-Policy "%s" always;\n' "$csp" >"$nginx_conf_dir/csp.conf"

if [ "$#" -gt 0 ]; then
  exec "$@"
fi
