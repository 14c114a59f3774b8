#!/usr/bin/env bash
# Adds an EF Core migration: ./scripts/add-migration.sh <Name>
# The EF design package only restores with EfDesign=true (docs/adr/0003-ef-core-migrations.md).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "Cách dùng: $0 <TênMigration>" >&2; exit 2; }
export EfDesign=true
dotnet tool restore >/dev/null
dotnet build src/OrgCom.Web -nologo -v q -p:EfDesign=true >/dev/null
dotnet tool run dotnet-ef migrations add "$1" --project src/OrgCom.Web --output-dir Data/Migrations --no-build -- 2>&1 | grep -v '^Build' || true
