"""Word lists for the synthetic demo dataset (`econdash.core.admin.demo`).

Everything here is made up for demonstration: the district, towns, parks and
enterprise names are combinations of common words, not real places or firms.
The honour programmes are the real ladders a 经信局 reports on, so the demo
looks like a real roster.
"""

from __future__ import annotations

from typing import NamedTuple

REGION = "演示区"
REGION_EN = "Demo District"

# Enterprise names: region prefix + 字号 (first + second character) + optional
# middle word + industry word + legal suffix, e.g. 宁波华达精工机械有限公司.
NAME_PREFIXES = [("宁波", "Ningbo"), ("浙江", "Zhejiang"), ("杭州", "Hangzhou"),
                 ("温州", "Wenzhou"), ("台州", "Taizhou"), ("绍兴", "Shaoxing"),
                 ("嘉兴", "Jiaxing"), ("演示", "Yanshi")]
CORE_FIRST = [("华", "Hua"), ("金", "Jin"), ("永", "Yong"), ("宏", "Hong"), ("恒", "Heng"),
              ("瑞", "Rui"), ("鑫", "Xin"), ("锦", "Jin"), ("天", "Tian"), ("联", "Lian"),
              ("凯", "Kai"), ("盛", "Sheng"), ("博", "Bo"), ("嘉", "Jia"), ("海", "Hai"),
              ("东", "Dong"), ("亚", "Ya"), ("新", "Xin"), ("振", "Zhen"), ("立", "Li"),
              ("晨", "Chen"), ("德", "De"), ("信", "Xin"), ("荣", "Rong"), ("泰", "Tai"),
              ("兴", "Xing"), ("正", "Zheng"), ("创", "Chuang"), ("欧", "Ou"), ("宇", "Yu"),
              ("中", "Zhong"), ("长", "Chang"), ("奥", "Ao"), ("科", "Ke"), ("高", "Gao"),
              ("明", "Ming"), ("顺", "Shun"), ("佳", "Jia"), ("卓", "Zhuo"), ("力", "Li")]
CORE_SECOND = [("达", "da"), ("源", "yuan"), ("丰", "feng"), ("利", "li"), ("通", "tong"),
               ("邦", "bang"), ("诺", "nuo"), ("耀", "yao"), ("峰", "feng"), ("晟", "sheng"),
               ("威", "wei"), ("腾", "teng"), ("航", "hang"), ("驰", "chi"), ("远", "yuan"),
               ("成", "cheng"), ("川", "chuan"), ("屹", "yi"), ("辉", "hui"), ("昌", "chang"),
               ("阳", "yang"), ("泽", "ze"), ("捷", "jie"), ("美", "mei"), ("安", "an"),
               ("鼎", "ding"), ("尔", "er"), ("格", "ge"), ("特", "te"), ("弘", "hong"),
               ("祥", "xiang"), ("润", "run"), ("杰", "jie"), ("翔", "xiang"), ("能", "neng"),
               ("拓", "tuo"), ("基", "ji"), ("旺", "wang"), ("伟", "wei"), ("宝", "bao")]
MIDDLE_WORDS = [("", ""), ("精工", " Precision"), ("智能", " Intelligent"), ("科技", " Technology"),
                ("精密", " Precise"), ("实业", " Industrial")]
# (word in the name, English, 国民经济行业 of the firm)
INDUSTRY_WORDS = [
    ("机械", "Machinery", "通用设备制造业"),
    ("气动", "Pneumatics", "通用设备制造业"),
    ("轴承", "Bearing", "通用设备制造业"),
    ("阀门", "Valve", "通用设备制造业"),
    ("模具", "Mould", "专用设备制造业"),
    ("智能装备", "Intelligent Equipment", "专用设备制造业"),
    ("医疗器械", "Medical Devices", "专用设备制造业"),
    ("汽车零部件", "Auto Parts", "汽车制造业"),
    ("汽配", "Auto Accessories", "汽车制造业"),
    ("电器", "Electric Appliance", "电气机械和器材制造业"),
    ("新能源", "New Energy", "电气机械和器材制造业"),
    ("电机", "Motor", "电气机械和器材制造业"),
    ("电子", "Electronics", "计算机、通信和其他电子设备制造业"),
    ("光电", "Optoelectronics", "计算机、通信和其他电子设备制造业"),
    ("新材料", "New Materials", "化学原料和化学制品制造业"),
    ("化工", "Chemical", "化学原料和化学制品制造业"),
    ("塑业", "Plastics", "橡胶和塑料制品业"),
    ("橡塑", "Rubber & Plastics", "橡胶和塑料制品业"),
    ("五金", "Hardware", "金属制品业"),
    ("金属制品", "Metal Products", "金属制品业"),
    ("服饰", "Apparel", "纺织服装、服饰业"),
    ("针织", "Knitting", "纺织业"),
    ("纺织", "Textile", "纺织业"),
    ("家居", "Home Furnishing", "家具制造业"),
    ("食品", "Food", "食品制造业"),
    ("生物医药", "Biopharma", "医药制造业"),
    ("包装", "Packaging", "造纸和纸制品业"),
    ("文具", "Stationery", "文教、工美、体育和娱乐用品制造业"),
    ("软件", "Software", "软件和信息技术服务业"),
    ("信息技术", "Information Technology", "软件和信息技术服务业"),
]
LEGAL_SUFFIXES = [("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd. (joint-stock)")]

# Towns (镇/街道) of the made-up district and two parks in each.
TOWNS = ["东城街道", "西城街道", "南湖街道", "北山街道", "滨江街道", "锦溪街道",
         "新桥镇", "石门镇", "青山镇", "白云镇", "金塘镇", "云湖镇"]
PARKS = [f"{town[:2]}{kind}" for town in TOWNS for kind in ("小微企业园", "智造产业园")]

# The honour ladders: (programme, English, level, status, weight, first year).
# Weights make the bottom of each ladder common and the top rare.
class Rung(NamedTuple):
    programme: str
    programme_en: str
    level: str
    status: str
    weight: int
    since: int


RUNGS = [
    Rung("制造业单项冠军", "Manufacturing single champion", "国家级", "认定", 1, 2016),
    Rung("制造业单项冠军", "Manufacturing single champion", "国家级", "培育", 2, 2016),
    Rung("制造业单项冠军", "Manufacturing single champion", "省级", "认定", 4, 2017),
    Rung("制造业单项冠军", "Manufacturing single champion", "省级", "培育", 6, 2017),
    Rung("制造业单项冠军", "Manufacturing single champion", "市级", "认定", 8, 2018),
    Rung("制造业单项冠军", "Manufacturing single champion", "市级", "培育", 12, 2018),
    Rung("专精特新小巨人", "Specialised & sophisticated 'Little Giant'", "国家级", "认定", 10, 2019),
    Rung("专精特新中小企业", "Specialised & sophisticated SME", "省级", "认定", 40, 2019),
    Rung("创新型中小企业", "Innovative SME", "省级", "入库", 80, 2022),
    Rung("隐形冠军", "Hidden champion", "省级", "认定", 5, 2016),
    Rung("隐形冠军", "Hidden champion", "省级", "培育", 10, 2016),
    Rung("隐形冠军", "Hidden champion", "市级", "认定", 10, 2017),
    Rung("隐形冠军", "Hidden champion", "市级", "培育", 15, 2017),
    Rung("绿色工厂", "Green factory", "国家级", "认定", 3, 2017),
    Rung("绿色工厂", "Green factory", "省级", "认定", 8, 2018),
    Rung("绿色工厂", "Green factory", "市级", "认定", 15, 2018),
    Rung("数字化车间", "Digital workshop", "省级", "认定", 12, 2017),
    Rung("数字化车间", "Digital workshop", "市级", "认定", 20, 2018),
    Rung("智能工厂", "Smart factory", "省级", "认定", 4, 2017),
    Rung("智能工厂", "Smart factory", "市级", "认定", 8, 2018),
    Rung("首台套", "First-of-a-kind equipment", "省级", "认定", 3, 2016),
    Rung("雄鹰企业", "'Eagle' enterprise", "省级", "培育", 2, 2021),
    Rung("亩均效益A类企业", "Per-mu efficiency class A", "区级", "认定", 30, 2018),
    Rung("高新技术企业", "High-tech enterprise", "国家级", "认定", 120, 2016),
    Rung("科技型中小企业", "Tech-based SME", "省级", "入库", 200, 2016),
]
BATCH_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                  "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"]
ENTERPRISE_NOTES = ["到期复核通过", "公示中", "拟认定", "已通过年度评价", "新晋"]

# Projects: (product, unit, English) for "年产N万<unit><product>" names.
PRODUCTS = [("气动元件", "套", "pneumatic components"), ("汽车零部件", "件", "auto parts"),
            ("智能家电", "台", "smart appliances"), ("服装", "件", "garments"),
            ("新能源电池组", "套", "battery packs"), ("精密模具", "套", "precision moulds"),
            ("工业机器人", "台", "industrial robots"), ("医疗器械", "台", "medical devices"),
            ("功能性薄膜", "吨", "functional film"), ("电子元器件", "只", "electronic parts"),
            ("高端轴承", "套", "high-end bearings"), ("智能阀门", "台", "smart valves"),
            ("环保新材料", "吨", "eco-materials"), ("光伏组件", "片", "PV modules")]
PROJECT_KINDS = [("新建项目", "new-build"), ("技改项目", "renovation"), ("扩建项目", "expansion"),
                 ("智能化改造项目", "smart-upgrade")]
PROJECT_CATEGORIES = [("工业投资项目", 40), ("技术改造项目", 30), ("数字化改造项目", 15),
                      ("招商引资项目", 10), ("小微企业园", 5)]
PROJECT_STATUSES = [("前期", 15), ("新开工", 25), ("在建", 40), ("竣工投产", 20)]
PROJECT_RATINGS = ["省重点", "市重点", "区重点"]
PARK_RATINGS = ["一星级", "二星级", "三星级"]
PARK_KINDS = [("小微企业园", "micro-enterprise park"), ("智造产业园", "smart-manufacturing park"),
              ("科创园", "science & innovation park")]


class IndicatorSpec(NamedTuple):
    """One demo indicator: its name, category, unit and how its figures behave.

    kind: 'flow' (cumulative amount, grows through the year), 'stock' (a count at
    the period's end), 'rate' (a level in percent or per person, no growth) or
    'growth' (only a growth rate is reported).
    """

    name: str
    name_en: str
    category: str
    unit: str | None
    kind: str
    base: float  # a year's total (flow), the level (stock, rate); trend % for growth


INDICATORS = [
    IndicatorSpec("规上工业总产值", "Gross output of above-scale industry", "工业", "亿元", "flow", 820),
    IndicatorSpec("规上工业增加值", "Value added of above-scale industry", "工业", "亿元", "flow", 185),
    IndicatorSpec("工业投资", "Industrial investment", "投资", "亿元", "flow", 62),
    IndicatorSpec("数字经济核心产业增加值", "Value added of the core digital economy",
                  "数字经济", "亿元", "flow", 46),
    IndicatorSpec("高新技术企业数", "High-tech enterprises", "企业培育", "家", "stock", 380),
    IndicatorSpec("制造业投资", "Manufacturing investment", "投资", "亿元", "flow", 54),
    IndicatorSpec("区属规上工业总产值", "Gross output of district-owned above-scale industry",
                  "工业", "亿元", "flow", 560),
    IndicatorSpec("规上工业销售产值", "Sales output of above-scale industry", "工业", "亿元", "flow", 800),
    IndicatorSpec("规上工业出口交货值", "Export delivery value of above-scale industry",
                  "工业", "亿元", "flow", 165),
    IndicatorSpec("规上工业营业收入", "Operating revenue of above-scale industry", "工业", "亿元",
                  "flow", 840),
    IndicatorSpec("规上工业利润总额", "Total profit of above-scale industry", "工业", "亿元", "flow", 52),
    IndicatorSpec("规上工业企业数", "Above-scale industrial enterprises", "工业", "家", "stock", 520),
    IndicatorSpec("新产品产值率", "New-product output ratio", "工业", "%", "rate", 38.5),
    IndicatorSpec("规上工业全员劳动生产率", "Labour productivity of above-scale industry", "工业",
                  "万元/人", "rate", 28.4),
    IndicatorSpec("工业用电量", "Industrial electricity consumption", "工业", "亿千瓦时", "flow", 41),
    IndicatorSpec("规下工业增加值", "Value added of below-scale industry (growth)", "工业", None,
                  "growth", 6.5),
    IndicatorSpec("工业技改投资", "Industrial technical-renovation investment", "投资", "亿元",
                  "flow", 36),
    IndicatorSpec("高新技术产业投资", "High-tech industry investment", "投资", "亿元", "flow", 29),
    IndicatorSpec("亿元以上在建工业项目", "Industrial projects over 100 million yuan under way",
                  "投资", "个", "stock", 46),
    IndicatorSpec("民间工业投资", "Private industrial investment", "投资", "亿元", "flow", 44),
    IndicatorSpec("数字经济核心产业制造业增加值", "Value added of core digital-economy manufacturing",
                  "数字经济", "亿元", "flow", 31),
    IndicatorSpec("软件业务收入", "Software business revenue", "数字经济", "亿元", "flow", 12.5),
    IndicatorSpec("规上电子信息制造业产值", "Output of above-scale electronics manufacturing",
                  "数字经济", "亿元", "flow", 92),
    IndicatorSpec("省级工业互联网平台", "Provincial industrial internet platforms", "数字经济", "个",
                  "stock", 12),
    IndicatorSpec("上云企业数", "Enterprises on the cloud", "数字经济", "家", "stock", 820),
    IndicatorSpec("数字化改造覆盖率", "Digital-upgrade coverage of above-scale firms", "数字经济",
                  "%", "rate", 62.0),
    IndicatorSpec("气动产业集群产值", "Output of the pneumatics cluster", "产业集群", "亿元", "flow", 118),
    IndicatorSpec("汽车零部件产业集群产值", "Output of the auto-parts cluster", "产业集群", "亿元",
                  "flow", 152),
    IndicatorSpec("智能家电产业集群产值", "Output of the smart-appliance cluster", "产业集群", "亿元",
                  "flow", 96),
    IndicatorSpec("新材料产业产值", "Output of the new-materials industry", "产业集群", "亿元",
                  "flow", 74),
    IndicatorSpec("高端装备制造业增加值", "Value added of high-end equipment manufacturing",
                  "产业集群", "亿元", "flow", 58),
    IndicatorSpec("战略性新兴产业增加值", "Value added of strategic emerging industries",
                  "产业集群", "亿元", "flow", 66),
    IndicatorSpec("科技型中小企业数", "Tech-based SMEs", "企业培育", "家", "stock", 920),
    IndicatorSpec("省级专精特新中小企业", "Provincial specialised & sophisticated SMEs", "企业培育",
                  "家", "stock", 124),
    IndicatorSpec("国家级专精特新小巨人企业", "National 'Little Giant' enterprises", "企业培育",
                  "家", "stock", 16),
    IndicatorSpec("制造业单项冠军企业", "Manufacturing single champions", "企业培育", "家", "stock", 11),
    IndicatorSpec("隐形冠军企业", "Hidden champions", "企业培育", "家", "stock", 14),
    IndicatorSpec("小升规企业数", "Firms newly above scale", "企业培育", "家", "flow", 64),
    IndicatorSpec("规上工业单位增加值能耗", "Energy use per unit of industrial value added",
                  "绿色低碳", None, "growth", -3.2),
    IndicatorSpec("研发经费占营业收入比重", "R&D spending as a share of revenue", "企业培育", "%",
                  "rate", 3.1),
]
# Beyond the list: the same figures per town (乡镇街道), for big demo sets.
TOWN_TEMPLATES = [
    ("规上工业总产值", "Gross output of above-scale industry", "亿元", "flow", 70),
    ("工业投资", "Industrial investment", "亿元", "flow", 5.2),
    ("规上工业增加值", "Value added of above-scale industry", "亿元", "flow", 15),
    ("数字经济核心产业增加值", "Value added of the core digital economy", "亿元", "flow", 3.8),
    ("规上工业企业数", "Above-scale industrial enterprises", "家", "stock", 44),
]
TOWNS_EN = ["Dongcheng", "Xicheng", "Nanhu", "Beishan", "Binjiang", "Jinxi",
            "Xinqiao", "Shimen", "Qingshan", "Baiyun", "Jintang", "Yunhu"]
HEADLINE_COUNT = 6
"""The first indicators of the list are the headline cards."""
