// kind: ranking — periodic ranking into classes, elimination, lead step-down, promotion, honours.
import { z } from 'zod';
import { Id, MAX_LEVEL, Ratio, headerFields } from './common.ts';

export const RankClass = z.strictObject({
  id: Id,
  title: z.string().min(1).meta({ description: '班级名称 / Class title', examples: ['尖子班'] }),
  share: Ratio.meta({ description: '人数占比,各班之和为 1 / Share of people; shares sum to 1' }),
});

export const RankingPolicy = z
  .strictObject({
    kind: z.literal('ranking').meta({ description: '规则类型 / Policy kind: ranking' }),
    ...headerFields,
    metric: Id.meta({ description: '排名依据,score 表示考核得分 / Ranking metric; `score` is the scorecard score' }),
    cadence: z.enum(['weekly', 'monthly', 'quarterly']).meta({ description: '排名周期 / Ranking cadence' }),
    group: z.enum(['team', 'shop', 'all']).meta({ description: '排名范围 / Ranking group' }),
    classes: z.array(RankClass).min(1).meta({ description: '班级,从高到低 / Classes, best first' }),
    elimination: z
      .strictObject({
        class: Id.meta({ description: '末位班级编号 / Bottom class id' }),
        consecutive_periods: z.int().min(1).meta({ description: '连续多少个排名周期 / Consecutive ranking periods', examples: [2] }),
      })
      .optional()
      .meta({ description: '末位淘汰审查 / Elimination review' }),
    step_down: z
      .strictObject({
        position: Id.meta({ description: '适用岗位,如 team_lead / Position that steps down' }),
        team_metric: Id.meta({ description: '团队考核指标 / Team metric' }),
        target: z
          .number()
          .min(-MAX_LEVEL)
          .max(MAX_LEVEL)
          .optional()
          .meta({ description: '团队默认目标值;targets.csv 中有该团队当月目标时以数据为准。两者都没有时只按「垫底」判断 / Default team target; a team\'s monthly target in targets.csv takes precedence' }),
        consecutive_missed: z.int().min(1).meta({ description: '连续未达标月数 / Consecutive missed months', examples: [3] }),
        or_last_rank: z.boolean().default(false).meta({ description: '团队排名垫底也降级 / Also step down when the team ranks last' }),
      })
      .optional()
      .meta({ description: '组长降级 / Team-lead step-down' }),
    promotion: z
      .strictObject({
        consecutive_months: z.int().min(1).meta({ description: '连续无过错月数 / Consecutive fault-free months' }),
        min_score: z.number().min(0).max(1e4).meta({ description: '期间每月最低考核分 / Minimum monthly score' }),
      })
      .optional()
      .meta({ description: '晋升资格 / Promotion eligibility' }),
    honour_roll: z
      .strictObject({
        top: z.int().min(1).meta({ description: '上榜人数 / How many' }),
        publish: z.boolean().meta({ description: '是否在网站公开 / Publish on the site' }),
      })
      .optional()
      .meta({ description: '荣誉榜 / Honour roll' }),
  })
  .meta({ title: '排名与晋降 / Ranking, promotion and demotion', description: '分班、淘汰、降级、晋升、荣誉 / Classes, elimination, step-down, promotion, honours' });
