#!/usr/bin/env bash
# Regenerates the committed fixtures under fixtures/ from the reference tools
# (Debian's ripser, python3-gudhi, python3-torch and python3-onnx). Run from
# anywhere: `npm run fixtures`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in ripser python3-gudhi python3-numpy python3-scipy python3-pot python3-sklearn python3-torch python3-onnx; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi

/usr/bin/python3 scripts/fixtures/rips.py
/usr/bin/python3 scripts/fixtures/cubical.py
/usr/bin/python3 scripts/fixtures/metric.py
/usr/bin/python3 scripts/fixtures/flag.py
/usr/bin/python3 scripts/fixtures/features.py
/usr/bin/python3 scripts/fixtures/stats.py
/usr/bin/python3 scripts/fixtures/vectorize.py
/usr/bin/python3 scripts/fixtures/data.py
/usr/bin/python3 scripts/fixtures/bottleneck.py
/usr/bin/python3 scripts/fixtures/onnx.py
/usr/bin/python3 scripts/fixtures/auction.py
node scripts/fixtures/tfjs.mjs
/usr/bin/python3 scripts/fixtures/tfjs.py
/usr/bin/python3 scripts/fixtures/wasserstein.py
/usr/bin/python3 scripts/fixtures/neurons.py
/usr/bin/python3 scripts/fixtures/mapper.py
