"""The phrases of Chinese report language that carry figures, as regular expressions
over FOLDED text (see `chinese.fold`).

One scanner (`TOKEN`) finds, left to right, every piece a figure is built from:
a change in 个百分点, a growth (同比增长7%, 下降7.44%, 增幅-0.3%, 增长2.7倍, 翻番),
a rank (列全市第三位, 在常州五区一市中排名第二, 、珠三角第6位, 全省最多) and a value
with its unit (171.7亿元, 8 户, 166.6万元/亩, 四家 after a list of names).
"""

from __future__ import annotations

import re

NUM = r"-?\d+(?:,\d{3})*(?:\.\d+)?"
UNITS = sorted("""亿千瓦时 亿千瓦小时 万千瓦时 万千瓦小时 千瓦时 亿度 万度 度 万元/亩 万元/吨标煤 万元/吨 万元/人
万吨标煤 吨标煤 万吨标准煤 吨标准煤 万平方米 平方米 万平米 亿美元 万美元 美元 亿元 万元 元 万吨 吨 万亩 亩 公顷
公里 万人次 人次 万人 人 万户 户 家 个 项 件 次 场 条 份 批次 批 张 台 套 座 辆 篇 所 栋 万条 万份 万次 %
兆瓦 千瓦 万千瓦 分""".split(), key=len, reverse=True)
COUNT_UNITS = {"家", "户", "个", "项", "件", "次", "场", "条", "份", "批次", "批", "张", "台", "套",
               "座", "辆", "篇", "所", "栋", "人", "人次"}
MONEY_UNITS = {"亿元", "万元", "元", "亿美元", "万美元", "美元"}
_UNIT = "|".join(re.escape(u) for u in UNITS)
_CN = r"[一二两三四五六七八九十]{1,3}"

PP = (r"(?P<pp>" + NUM + r")\s*(?:个\s*百分点|百分点|个(?=\s*、[^,;。]{0,12}?百分点))")
GROWTH = (r"(?P<gword>(?:同比)?(?:增速(?:回落|提高|提升|加快|放缓|回升|下降)?至|增长率?|增加|下降|减少|"
          r"回落|提高|提升|上升|增幅|增速|降幅|降低|下滑)\s*(?:为|了|达到|达|是)?)\s*(?P<g>" + NUM + r")\s*(?P<gunit>%|倍)"
          r"(?P<glist>(?:\s*[、和及]\s*-?\d+(?:\.\d+)?\s*%)*)")
DOUBLE = r"(?P<double>(?:实现)?翻(?:了)?(?:一)?番|(?:增长|提高)(?:了)?一倍)"
RANK = (r"(?:在(?P<rscope2>[^,;。\d]{1,16}?)中\s*|(?P<rscope0>全[省市国区县]))?(?P<rverb>位列|位居|名列|排名|排在|排位|排|列|居|位于|处于)"
        r"\s*(?P<rscope>[^\d,;。、第]{0,14}?)第\s*(?P<rn>" + _CN + r"|\d{1,3})(?P<rsuf>位|名)?"
        r"(?![批届期次季个家类条章节年轮])")
RANK_MORE = (r"(?<=[位名])、(?P<mscope>[^\d,;。、第]{1,14}?)第\s*(?P<mn>" + _CN + r"|\d{1,3})"
             r"(?:位|名)")
RANK_TOP = r"(?P<tscope>全[省市国区县]|全国同类)(?:最多|最高|首位|最大|最快|第一)"
VALUE = (r"(?P<v>" + NUM + r")\s*(?P<mag>[万亿](?=[余多]))?(?P<approx>多|余)?\s*"
         r"(?P<u>" + _UNIT + r")"
         r"(?P<after_unit>[余多]?)")
CN_VALUE = r"(?P<cv>" + _CN + r")\s*(?P<cu>家|个|项)"

# The first characters any token can start with, checked first: the engine then skips
# most positions at once (three times faster on long reports).
_FIRST = r"(?=[\d\-同增下减回提上降翻实在位名排列居处全、一二两三四五六七八九十])"
TOKEN = re.compile(_FIRST + "(?:" + "|".join((PP, GROWTH, DOUBLE, RANK, RANK_MORE, RANK_TOP, VALUE,
                                               CN_VALUE)) + ")")

NEGATIVE_GROWTH = re.compile(r"下降|减少|回落|降幅|降低|下滑")
# What makes a percentage a change against something other than a year ago.
NOT_YOY = re.compile(r"环比|较(?!去年|上年|同期)[^,;。]{0,8}$|(?<!同)比(?!去年|上年|同期)"
                     r"[^,;。]{0,6}$|较上月|比上月")
PP_UP = re.compile(r"高于|高出|快于|提高|提升|加快|收窄|扩大|上升|增加|领先")
PP_DOWN = re.compile(r"低于|慢于|回落|下降|降低|偏低|减少|放缓")
PP_BASIS = re.compile(r"(?:高于|低于|高出|快于|慢于|较|比)\s*(?P<basis>[^,;。、]{1,12}?)(?:平均水平|平均)?"
                      r"(?:提高|提升|加快|回落|下降|收窄|扩大)?$")
# Time words after the classifier 个 (6个季度, 3个月): not counts.
NOT_COUNT_AFTER = re.compile(r"(?:季度|月|百分点|位次|工作日|小时|年|星期|周)")
THRESHOLD_BEFORE = re.compile(r"(?:过|超过|超|超亿|年产值|年营收|投资|规模)$")
THRESHOLD_AFTER = re.compile(r"^(?:及以上|以上|以下)?(?:的)?(?:企业|项目|工业|产业|重点)")
COMPLETION = re.compile(r"完成(?:了)?(?:年度?|全年|年初)?(?:计划|任务|目标)(?:任务)?的?$|完成率$|完成进度$")
DOUBLE_PCT = 100.0
