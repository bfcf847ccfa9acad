#!/usr/bin/env bash
# A small root filesystem for build.sh --rootfs, made of this Debian host's own files in seconds (no download): git with
# its HTTP helper, the shared libraries they and a self-contained .NET program load (ldd, plus OpenSSL and the CA
# certificates, which .NET opens at run time), /bin/sh. The tests build the image on it (debootstrap takes minutes);
# a release uses build.sh's own debootstrap base.
#   deploy/container/host-rootfs.sh DIR
set -euo pipefail
out="${1:?usage: host-rootfs.sh DIR}"
mkdir -p "$out"
binaries=(/usr/bin/git /usr/lib/git-core/git-remote-http /bin/sh)
for b in "${binaries[@]}"; do [ -x "$b" ] || { echo "host-rootfs.sh: $b is missing (apt-get install git)" >&2; exit 1; }; done
arch_libs="/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)"
[ -d "$arch_libs" ] || arch_libs=/usr/lib/x86_64-linux-gnu
files=("${binaries[@]}" /usr/lib/git-core/git /usr/lib/git-core/git-remote-https)
# what .NET loads without linking: OpenSSL (HTTPS), libstdc++/libgcc_s (the runtime), zlib, ICU is not needed (invariant)
for lib in libssl.so.3 libcrypto.so.3 libstdc++.so.6 libgcc_s.so.1 libz.so.1 libdl.so.2 libpthread.so.0 librt.so.1 libm.so.6; do
  [ -e "$arch_libs/$lib" ] && files+=("$arch_libs/$lib")
done
libs=()
for f in "${files[@]}"; do
  [ -e "$f" ] || continue
  while read -r lib; do libs+=("$lib"); done < <(ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\t\/[^ ]+ \(/ {print $1}')
done
# copy with their paths, following the links that name them (each library's real file and its soname link)
put() { # copies PATH to the same place under $out, its folder resolved (/bin/sh lands in /usr/bin: merged /usr)
  local dir; dir="$(readlink -f "$(dirname "$1")")"
  mkdir -p "$out$dir"
  cp -a "$1" "$out$dir/"
}
for f in "${files[@]}" "${libs[@]}"; do
  [ -e "$f" ] || continue
  put "$f"
  real="$(readlink -f "$f")"
  [ "$real" = "$f" ] || put "$real"
done
# Debian's merged /usr: /bin and /lib are links into /usr
for d in bin lib lib64 sbin; do
  if [ -L "/$d" ] && [ ! -e "$out/$d" ]; then ln -s "$(readlink "/$d")" "$out/$d"; fi
done
if [ -d /etc/ssl/certs ]; then mkdir -p "$out/etc/ssl" && cp -aL /etc/ssl/certs "$out/etc/ssl/" 2>/dev/null || true; fi
mkdir -p "$out/etc" "$out/tmp" "$out/dev" "$out/proc"
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$out/etc/passwd"
printf 'root:x:0:\n' > "$out/etc/group"
echo "host-rootfs.sh: $(find "$out" -type f | wc -l) files, $(du -sh "$out" | cut -f1) in $out" >&2
