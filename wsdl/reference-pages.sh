#!/usr/bin/env bash
# Writes wsdl/v13/reference-pages.txt: the page names of the six v13 service folders of
# Microsoft's documentation repository (github.com/MicrosoftDocs/Advertising), which the
# generator turns into Microsoft Learn links. Only file names are kept, never page text.
#
# usage: wsdl/reference-pages.sh <clone of MicrosoftDocs/Advertising> [commit]
set -euo pipefail
repo=${1:?usage: $0 <clone of MicrosoftDocs/Advertising> [commit]}
rev=${2:-HEAD}
out="$(dirname "$0")/v13/reference-pages.txt"
commit=$(git -C "$repo" rev-parse "$rev")
date=$(git -C "$repo" show -s --format=%cs "$commit")
{
  echo "# Microsoft Learn reference pages of the API v13 services, one per line as <service folder>/<page>."
  echo "# Source: github.com/MicrosoftDocs/Advertising, commit $commit ($date), files"
  echo "# advertising/bingads-13/<service folder>/<page>.md, published (advertising/docfx.json, group"
  echo "# bingads-13) as https://learn.microsoft.com/en-us/advertising/<service folder>/<page>?view=bingads-13."
  echo "# Regenerate with wsdl/reference-pages.sh; exceptions to <lowercased name> = <page> are in"
  echo "# reference-exceptions.txt."
  git -C "$repo" ls-tree -r --name-only "$commit" -- advertising/bingads-13 |
    sed -nE 's#^advertising/bingads-13/((ad-insight|bulk|campaign-management|customer-billing|customer-management|reporting)-service/[^/]+)\.md$#\1#p' |
    LC_ALL=C sort
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") pages)"
