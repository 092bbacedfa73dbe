#!/usr/bin/env bash
# ./pp <command> [options…]: the one way to run this repository's commands on any machine after
# scripts/setup.sh. It puts Node >= 22.12 first on PATH (the system Node may be 20) and runs the npm
# script of that name with the options passed through, e.g. `./pp validate`, `./pp simulate --reconcile`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$root/scripts/ensure-node.sh"
export ASTRO_TELEMETRY_DISABLED=1
# Node keeps each module compiled (TypeScript stripped, bytecode) here, keyed by its source: a command
# run again starts about 0.2 s sooner (docs/performance.md, session 5). Code only, never data.
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$root/node_modules/.cache/node-compile}"
list() {
  node -e 'const s=require(process.argv[1]).scripts;console.log(Object.keys(s).map(k=>"  ./pp "+k).join("\n"))' "$root/package.json"
}
if [ $# -eq 0 ] || [ "$1" = --help ] || [ "$1" = -h ]; then
  echo "用法 / Usage: ./pp <命令 / command> [选项 / options]   (./pp <命令> --help 查看选项 / for its options)"
  list
  exit 0
fi
cmd=$1
shift
if ! node -e 'process.exit(Object.hasOwn(require(process.argv[1]).scripts, process.argv[2]) ? 0 : 1)' "$root/package.json" "$cmd"; then
  echo "错误 / error: 未知命令 / unknown command \`$cmd\`" >&2
  list >&2
  exit 1
fi
# A script that chains commands (build, check) would pass --help to its last command only and run
# the others for real: answer --help by saying what it runs instead.
for arg in "$@"; do
  if [ "$arg" = --help ] || [ "$arg" = -h ]; then
    script=$(node -e 'console.log(require(process.argv[1]).scripts[process.argv[2]])' "$root/package.json" "$cmd")
    case $script in
      *'&&'*)
        echo "./pp $cmd:依次运行 / runs, in order:"
        printf '%s\n' "$script" | sed 's/ && /\n/g' | sed 's/^/  /'
        echo "退出码 / exit codes: 0 全部成功 / all succeeded; 其他 / other: 第一个失败的命令的退出码 / the first failing command's"
        exit 0 ;;
    esac
    break
  fi
done
cd "$root"
exec npm run --silent "$cmd" -- "$@"
