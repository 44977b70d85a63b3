#!/usr/bin/env bash
# Adds home_country to the language.yaml of languages written mainly in one country (idempotent).
cd "$(dirname "$0")/../src/dyad/lang" || exit 1
while read -r code iso; do
  f="$code/language.yaml"
  [ -f "$f" ] || continue
  grep -q '^home_country:' "$f" || printf 'home_country: %s   # an official named without a country is this country'"'"'s\n' "$iso" >> "$f"
done <<'LIST'
tr TUR
id IDN
ms MYS
th THA
vi VNM
ja JPN
ko KOR
fa IRN
uk UKR
be BLR
kk KAZ
uz UZB
it ITA
de DEU
hi IND
bn BGD
ur PAK
zh CHN
ru RUS
LIST
