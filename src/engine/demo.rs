//! A seeded, deterministic demo cohort of fictional principal officials of the district's
//! departments and sub-district offices (街道), for workshops. Every name is fictional and
//! marked so (“(虚构)”, shown in English as “(fictional)”: [`shown_name`]); names are unique
//! within a cohort of any size; the same seed always gives the same cohort.

use std::borrow::Cow;

use super::dossier::{Cohort, Dossier, Factors, NegativeRecord, Pledge, PositiveClaim, VoteCounts, Votes};
use super::ids::{Area, Grade, PoliticalQuality, RaterGroup, Tier, UnitKind};
use super::text::Lang;

mod stream;
pub use stream::{officials, Officials};

/// The marker every generated name carries.
pub const FICTIONAL: &str = "(虚构)";

/// The marker of a fictional name in `lang`: `(虚构)` / `(fictional)`.
pub fn fictional_mark(lang: Lang) -> &'static str {
    lang.pick(FICTIONAL, "(fictional)")
}

/// A name as a reader of `lang` sees it: in English, a demo name's `(虚构)` reads
/// ` (fictional)` (`韩静(虚构)` → `韩静 (fictional)`); any other name is shown as it is.
pub fn shown_name(name: &str, lang: Lang) -> Cow<'_, str> {
    match (lang, name.strip_suffix(FICTIONAL)) {
        (Lang::En, Some(bare)) => Cow::Owned(format!("{} {}", bare.trim_end(), fictional_mark(lang))),
        _ => Cow::Borrowed(name),
    }
}

/// The size of the cohort in the article: 98 principal officials.
pub const DEFAULT_SIZE: usize = 98;

const STREETS: &[&str] = &[
    "辽宁路",
    "延安路",
    "登州路",
    "宁夏路",
    "敦化路",
    "辽源路",
    "合肥路",
    "大港",
    "即墨路",
    "台东",
    "镇江路",
    "浮山新区",
    "阜新路",
    "海伦路",
    "四方",
    "兴隆路",
    "水清沟",
    "洛阳路",
    "河西",
    "湖岛",
    "开平路",
    "双山",
];
const DEPARTMENTS: &[&str] = &[
    "区发展和改革局",
    "区教育和体育局",
    "区科技局",
    "区工业和信息化局",
    "区民政局",
    "区司法局",
    "区财政局",
    "区人力资源和社会保障局",
    "区住房和城乡建设局",
    "区城市管理局",
    "区交通运输局",
    "区商务局",
    "区文化和旅游局",
    "区卫生健康局",
    "区退役军人事务局",
    "区应急管理局",
    "区审计局",
    "区市场监督管理局",
    "区统计局",
    "区医疗保障局",
    "区信访局",
    "区行政审批服务局",
    "区投资促进局",
    "区机关事务服务中心",
    "区融媒体中心",
    "区档案馆",
    "区城市更新建设中心",
    "区数据局",
    "区国有资产服务中心",
    "区总工会",
    "团区委",
    "区妇联",
    "区工商联",
    "区科协",
    "区残联",
    "区委党校",
    "区委网信办",
    "区委政法委",
    "区委宣传部",
    "区委统战部",
    "区委社会工作部",
    "区委编办",
    "区委巡察办",
    "区委机要保密局",
    "区人大办公室",
    "区政协办公室",
    "区政府办公室",
    "区委办公室",
    "区纪委监委机关",
    "区委组织部",
    "区法院",
    "区检察院",
    "区公安分局",
    "区税务局",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
    "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓",
    "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎",
];
const GIVEN: &[&str] = &[
    "建国", "海涛", "晓燕", "立新", "文静", "志强", "红梅", "振华", "丽娟", "伟东", "春雷", "秀英", "明辉",
    "雪梅", "国栋", "慧敏", "永刚", "晓东", "玉兰", "卫平", "凯", "蕾", "涛", "静", "鹏", "宁", "斌", "颖",
    "磊", "洁", "军", "倩",
];
/// First and second characters of the given names made when the names above are taken: none
/// of the first ones starts a name above, so every name is spelled differently.
const FIRST: &[char] = &[
    '德', '嘉', '思', '子', '宏', '俊', '雅', '欣', '佳', '家', '若', '天', '云', '安', '世', '承', '书',
    '学', '守', '鸿', '景', '益', '启', '泓', '彦', '凌', '韵', '语', '梓', '诗', '雨', '梦', '锦', '瑞',
    '清', '向', '友', '兆', '宗', '庆', '光', '新', '和', '成', '一',
];
const SECOND: &[char] = &[
    '平', '华', '军', '林', '峰', '辉', '芳', '敏', '杰', '涛', '婷', '琳', '宇', '航', '轩', '然', '哲',
    '凡', '楠', '彤', '瑶', '萱', '博', '浩', '睿', '泽', '昊', '晨', '阳', '远', '诚', '毅', '颖', '洋',
    '宁', '昕', '悦', '铭', '源', '勇', '斌', '超', '菲', '岚', '蕾',
];

/// How many given names there are: the list above, then every FIRST + SECOND pair.
const GIVEN_NAMES: usize = 32 + 45 * 45;
const _: () = assert!(GIVEN.len() == 32 && FIRST.len() == 45 && SECOND.len() == 45 && SURNAMES.len() == 50);
/// How many distinct names there are before a name repeats with a number after it.
const NAMES: usize = 50 * GIVEN_NAMES;

/// The given name with index `g` (< [`GIVEN_NAMES`]).
fn given_name(g: usize) -> Cow<'static, str> {
    match GIVEN.get(g) {
        Some(name) => Cow::Borrowed(name),
        None => {
            let k = g - GIVEN.len();
            Cow::Owned(
                [FIRST[k / SECOND.len()], SECOND[k % SECOND.len()]]
                    .iter()
                    .collect(),
            )
        }
    }
}

/// The names given so far in a cohort. A drawn name already given moves on to the next name
/// not given (same surname, next given name, …) — found in near-constant time, as each name
/// taken points past itself and the pointers are shortened as they are followed. When every
/// one of the [`NAMES`] is taken, the next round starts and its names carry its number
/// (`王建国·2`).
#[derive(Default)]
struct Names {
    /// For each name: 0 while it is free, else 1 + a later name that may be free (allocated
    /// at the first name; a map would cost the browser build its hashing code).
    next: Vec<u32>,
    taken: usize,
    round: u32,
}

impl Names {
    fn take(&mut self, surname: usize, given: usize) -> String {
        if self.taken == NAMES || self.next.is_empty() {
            self.next = vec![0; NAMES];
            self.round += u32::from(self.taken == NAMES);
            self.taken = 0;
        }
        let start = surname * GIVEN_NAMES + given;
        let mut free = start;
        while self.next[free] != 0 {
            free = self.next[free] as usize - 1;
        }
        let mut at = start;
        while self.next[at] != 0 {
            let later = self.next[at] as usize - 1;
            self.next[at] = free as u32 + 1;
            at = later;
        }
        self.next[free] = ((free + 1) % NAMES) as u32 + 1;
        self.taken += 1;
        let name = format!(
            "{}{}",
            SURNAMES[free / GIVEN_NAMES],
            given_name(free % GIVEN_NAMES)
        );
        match self.round {
            0 => format!("{name}{FICTIONAL}"),
            r => format!("{name}·{}{FICTIONAL}", r + 1),
        }
    }
}

const PLEDGES: [&[&str]; 3] = [
    &[
        "建设楼宇党建示范点 {n} 个",
        "开展“一把手”讲党课 {n} 场",
        "新建党群服务站点 {n} 处",
        "选派年轻干部到一线锻炼 {n} 人次",
        "完成支部标准化规范化建设 {n} 个",
    ],
    &[
        "推出“庭院演艺”项目 {n} 处",
        "打造数字化应用场景 {n} 个",
        "形成可复制推广的创新经验 {n} 项",
        "新培育重点产业特色楼宇 {n} 座",
        "推行“一件事”集成服务 {n} 项",
    ],
    &[
        "全年招引项目不少于 {n} 个",
        "完成城市更新片区改造 {n} 处",
        "化解信访积案 {n} 件",
        "新增就业岗位 {n} 百个",
        "完成老旧小区改造 {n} 个",
    ],
];

/// SplitMix64: a tiny, well-known deterministic generator (no dependency needed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal (sum of four uniforms), clamped to `lo..=hi`, one decimal.
    fn around(&mut self, mean: f64, spread: f64, lo: f64, hi: f64) -> f64 {
        let z = (self.unit() + self.unit() + self.unit() + self.unit() - 2.0) * 1.7;
        ((mean + z * spread).clamp(lo, hi) * 10.0).round() / 10.0
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// The posts of the cohort: two principals per sub-district office, then department heads.
fn posts(size: usize) -> Vec<(String, UnitKind)> {
    let streets = STREETS.iter().flat_map(|s| {
        [format!("{s}街道党工委书记"), format!("{s}街道办事处主任")].map(|p| (p, UnitKind::Street))
    });
    let departments = DEPARTMENTS
        .iter()
        .map(|d| (format!("{d}主要负责人"), UnitKind::Department));
    let mut all: Vec<(String, UnitKind)> = streets.chain(departments).collect();
    let base = all.len();
    for i in base..size {
        let (post, kind) = all[i % base].clone();
        all.push((format!("{post}(第 {} 组)", i / base + 1), kind));
    }
    all.truncate(size);
    all
}

/// A cohort of `size` fictional officials for `year`, the same for the same `seed`.
pub fn cohort(seed: u64, size: usize, year: i32) -> Cohort {
    Cohort {
        rules: None,
        officials: officials(seed, size, year).collect(),
    }
}

fn official(rng: &mut Rng, names: &mut Names, post: String, kind: UnitKind, year: i32) -> Dossier {
    let struggling = rng.chance(0.02);
    let strength = if struggling {
        -4.0
    } else {
        rng.around(0.0, 1.0, -3.0, 3.0)
    };
    let (surname, given) = (rng.below(SURNAMES.len()), rng.below(GIVEN.len()));
    let name = names.take(surname, given);
    let pledges = Area::ALL
        .iter()
        .map(|area| pledge(rng, *area, strength))
        .collect();
    let mut votes = Votes::default();
    for group in RaterGroup::ALL {
        let voters = [14, 30, 56, 50][group.index()];
        *votes.slot(*group) = Some(vote(rng, voters, strength));
    }
    let positive = (0..rng.below(4)).map(|_| format!("P{}", 1 + rng.below(8))).fold(
        Vec::<PositiveClaim>::new(),
        |mut claims, item| {
            if !claims.iter().any(|c| c.item == item) {
                claims.push(PositiveClaim { item, count: 1 });
            }
            claims
        },
    );
    let mut negative = Vec::new();
    if rng.chance(0.18 - strength * 0.04) {
        let deducting = [
            "N2", "N3", "N5", "N6", "N8", "N9", "N10", "N11", "N12", "N14", "N15",
        ];
        negative.push(NegativeRecord {
            item: rng.pick(&deducting).into(),
            count: 1,
            tolerated: rng.chance(0.2),
        });
    }
    if rng.chance(0.012) {
        negative.push(NegativeRecord {
            item: rng.pick(&["N1", "N4", "N7", "N13"]).into(),
            count: 1,
            tolerated: false,
        });
    }
    let history = (0..rng.below(3)).map(|_| history_tier(rng, strength)).collect();
    Dossier {
        rules: None,
        name: Some(name),
        post: Some(post),
        unit_kind: Some(kind),
        year: Some(year),
        unit_score: Some(rng.around(86.0 + strength * 3.5, 3.0, 55.0, 100.0)),
        pledges,
        votes,
        political_quality: PoliticalQuality::Qualified,
        positive,
        negative,
        history,
        assumptions: Default::default(),
    }
}

fn pledge(rng: &mut Rng, area: Area, strength: f64) -> Pledge {
    let template = rng.pick(PLEDGES[area.index()]);
    let title = template.replace("{n}", &(2 + rng.below(28)).to_string());
    let factor = |rng: &mut Rng| (2 + rng.below(4)) as u8;
    let factors = Factors {
        difficulty: factor(rng),
        innovation: factor(rng),
        contribution: factor(rng),
    };
    let grade = if rng.chance(0.5) {
        None
    } else {
        Some(Grade::ALL[rng.below(3).min(rng.below(3))])
    };
    let level = 86.0 + strength * 4.5;
    let quarters = [0; 4].map(|_| Some(rng.around(level, 4.0, 40.0, 100.0)));
    Pledge {
        area,
        title: Some(title),
        grade,
        factors: grade.is_none().then_some(factors),
        quarters,
    }
}

fn vote(rng: &mut Rng, voters: usize, strength: f64) -> VoteCounts {
    let p_good = (0.66 + strength * 0.12).clamp(0.2, 0.95);
    let mut counts = VoteCounts::default();
    for _ in 0..voters {
        let u = rng.unit();
        if u < p_good {
            counts.good += 1;
        } else if u < p_good + (1.0 - p_good) * 0.7 {
            counts.fairly_good += 1;
        } else if u < 0.995 {
            counts.average += 1;
        } else {
            counts.poor += 1;
        }
    }
    counts
}

fn history_tier(rng: &mut Rng, strength: f64) -> Tier {
    let u = rng.unit() + strength * 0.1;
    match u {
        u if u > 0.55 => Tier::Good,
        u if u > 0.12 => Tier::FairlyGood,
        _ => Tier::Average,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_taken_once_before_any_repeats_with_a_number() {
        let mut names = Names::default();
        let mut seen = std::collections::HashSet::new();
        let mut rng = Rng(7);
        for _ in 0..NAMES {
            let name = names.take(rng.below(SURNAMES.len()), rng.below(GIVEN.len()));
            assert!(!name.contains('·'), "{name}");
            assert!(seen.insert(name.clone()), "{name} twice");
        }
        let next = names.take(3, 4);
        assert_eq!(next, format!("{}{}·2{FICTIONAL}", SURNAMES[3], GIVEN[4]));
        assert_eq!(
            names.take(3, 4),
            format!("{}{}·2{FICTIONAL}", SURNAMES[3], GIVEN[5])
        );
    }

    #[test]
    fn a_name_already_given_moves_on_to_the_next_given_name() {
        let mut names = Names::default();
        assert_eq!(names.take(0, 0), "王建国(虚构)");
        assert_eq!(names.take(0, 0), "王海涛(虚构)");
        assert_eq!(names.take(0, 31), "王倩(虚构)");
        assert_eq!(names.take(0, 31), "王德平(虚构)");
        assert_eq!(names.take(0, 0), "王晓燕(虚构)");
    }

    #[test]
    fn english_readers_see_the_marker_in_english() {
        assert_eq!(shown_name("韩静(虚构)", Lang::En), "韩静 (fictional)");
        assert_eq!(shown_name("韩静(虚构)", Lang::Zh), "韩静(虚构)");
        assert_eq!(shown_name("示例干部甲", Lang::En), "示例干部甲");
        assert_eq!(fictional_mark(Lang::En), "(fictional)");
    }
}
