#!/usr/bin/env bash
# One command on a fresh machine: install, validate the policies, and replay the bundled sample.
# It says what it installs and why, keeps npm's notices out of the way, and ends with what to run next.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n▶ %s\n' "$1"; }

step "检查 Node(需要 ≥ 22.12;系统自带的若更旧,会把官方 Node 24 装到 ~/.cache/pp-node,不影响系统)"
. scripts/ensure-node.sh
echo "  使用 Node $(node -v):$(command -v node)"

export ASTRO_TELEMETRY_DISABLED=1
step "安装依赖(npm ci,按 package-lock.json 锁定的版本;约 1 分钟)"
log=$(mktemp)
if ! npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "错误: 依赖安装失败(上面是 npm 的原始输出)" >&2
  exit 1
fi
rm -f "$log"
echo "  依赖已安装到 node_modules/(校验器、回放引擎、网站生成器和测试工具)"
chmod +x pp

step "校验规则文件(./pp validate)"
./pp validate | tail -n 1

step "用示例数据回放规则(./pp simulate --data data/sample --out out/sample-impact.md)"
# Exit 2 means "would need approval" (e.g. this branch edits scripts/): a result, not a failed set-up.
rc=0
summary=$(./pp simulate --data data/sample --out out/sample-impact.md 2>&1) || rc=$?
printf '%s\n' "$summary" | sed 's/^/  /'
[ "$rc" -eq 1 ] || echo "  完整报告:out/sample-impact.md"
if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then exit "$rc"; fi

cat <<'NEXT'

✓ 安装完成。之后在任何终端里都用 ./pp 运行命令(它会自动使用上面的 Node):
  ./pp validate                                  校验规则文件
  ./pp simulate                                  对比当前分支与 main,生成薪酬影响报告
  ./pp explain --agent A017 --period 2026-10     逐行解释某人某月的工资条
NEXT
