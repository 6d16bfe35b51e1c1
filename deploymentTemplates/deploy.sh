#!/usr/bin/env bash
# One command from nothing to a running bot (managed-identity bot, no passwords to rotate).
#
#   deploymentTemplates/deploy.sh -g <resource-group> -o <charity-site-origin> [-l uksouth] \
#       [-t <staff-tenant-ids>] [--app-insights]
#
# Run it from the repository root, signed in with `az login`, in Azure Cloud Shell (Bash), WSL,
# macOS or Linux. It needs: az, node 24 + npm, zip. It never prints or stores a secret in a file
# that outlives the script. See deploymentTemplates/README.md for what each step does.
set -euo pipefail

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

RG=""
ORIGIN=""
LOCATION="uksouth"
STAFF=""
APP_INSIGHTS="false"
while [ $# -gt 0 ]; do
  case "$1" in
    -g) RG="${2:-}"; shift 2 ;;
    -o) ORIGIN="${2:-}"; shift 2 ;;
    -l) LOCATION="${2:-}"; shift 2 ;;
    -t) STAFF="${2:-}"; shift 2 ;;
    --app-insights) APP_INSIGHTS="true"; shift ;;
    -h | --help) usage ;;
    *) echo "Unknown option: $1" >&2; usage ;;
  esac
done
[ -n "$RG" ] || { echo "Missing -g <resource-group>" >&2; usage; }
if ! [[ "$ORIGIN" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?$ ]]; then
  echo "-o must be the charity site's origin, like https://www.example.org (https, no path)" >&2
  exit 2
fi
for tool in az npm node zip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Please install $tool first." >&2; exit 2; }
done

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
DEPLOYMENT="stalking-bot"
umask 077
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "1/6 Resource group $RG in $LOCATION"
az group create --name "$RG" --location "$LOCATION" --output none

step "2/6 Azure resources (template: deploymentTemplates/azuredeploy.json)"
DEPLOYER="$(az ad signed-in-user show --query id --output tsv)"
az deployment group create --resource-group "$RG" --name "$DEPLOYMENT" \
  --template-file "$HERE/azuredeploy.json" \
  --parameters "@$HERE/azuredeploy.parameters.json" \
  --parameters location="$LOCATION" charitySiteOrigin="$ORIGIN" staffTenantIds="$STAFF" \
    enableAppInsights="$APP_INSIGHTS" deployerPrincipalId="$DEPLOYER" \
  --output none
output() {
  az deployment group show --resource-group "$RG" --name "$DEPLOYMENT" \
    --query "properties.outputs.$1.value" --output tsv
}
WEBAPP="$(output webAppName)"
BOT="$(output botName)"
VAULT="$(output keyVaultName)"
BOT_APP_ID="$(output botAppId)"
WEBAPP_URL="$(output webAppUrl)"

step "3/6 Direct Line secret into Key Vault (never shown, never in app settings)"
az bot directline show --resource-group "$RG" --name "$BOT" --with-secrets true \
  --query "properties.properties.sites[0].key" --output tsv | tr -d '\r\n' >"$WORK/dl"
[ -s "$WORK/dl" ] || { echo "Could not read the Direct Line secret." >&2; exit 1; }
# A new role assignment can take a few minutes to reach Key Vault: retry.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if az keyvault secret set --vault-name "$VAULT" --name DirectLineSecret \
    --file "$WORK/dl" --encoding utf-8 --output none 2>/dev/null; then
    break
  fi
  [ "$attempt" -lt 10 ] || { echo "Key Vault refused the secret (role not active yet?). Run again." >&2; exit 1; }
  echo "Key Vault not ready yet, waiting 30 s ($attempt/10)"
  sleep 30
done
rm -f "$WORK/dl"

step "4/6 Build (npm ci && npm run build, then production dependencies only)"
mkdir "$WORK/app"
tar -C "$ROOT" --exclude=./node_modules --exclude=./dist --exclude=./.git --exclude='./.env*' -cf - . |
  tar -C "$WORK/app" -xf -
(
  cd "$WORK/app"
  npm ci
  npm run build
  npm ci --omit=dev
  zip -qr "$WORK/app.zip" dist content public node_modules package.json
)

step "5/6 Zip deploy to $WEBAPP"
az webapp deploy --resource-group "$RG" --name "$WEBAPP" --src-path "$WORK/app.zip" --type zip --output none

step "6/6 Done"
cat <<EOF
The bot runs at:   $WEBAPP_URL   (health: $WEBAPP_URL/healthz)
Bot app id:        $BOT_APP_ID
Website widget:    paste this one line into the charity site's pages, before </body>:
  <script src="$WEBAPP_URL/widget.js" defer></script>
Teams (staff):     MicrosoftAppId=$BOT_APP_ID PUBLIC_BASE_URL=$WEBAPP_URL npm run teams:package
                   then upload dist/teams-app.zip (see deploymentTemplates/README.md).
EOF
if [ -z "$STAFF" ]; then
  echo "Note: no staff tenant given (-t), so the bot refuses Teams until STAFF_TENANT_IDS is set."
fi
