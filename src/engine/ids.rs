//! The fixed vocabularies of the scheme (spec §2–§6): tiers, grades, pledge areas, rater
//! groups, vote categories and consequences. Their ids are the exchange format's strings.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: an enum with its JSON id and its Chinese and English names.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)+
        }

        impl $name {
            /// Every value, in the scheme's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The id used in JSON.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// The Chinese name.
            pub fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }

            /// The English name.
            pub fn en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }

            /// The value with this JSON id.
            pub fn from_id(id: &str) -> Option<$name> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// Position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// The JSON ids of every value, for error messages.
            pub fn ids() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.id()).collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }
    };
}

vocabulary! {
    /// The four assessment tiers, best first (spec §5).
    Tier {
        Good = "good", "好", "good";
        FairlyGood = "fairly_good", "较好", "fairly good";
        Average = "average", "一般", "average";
        Poor = "poor", "较差", "poor";
    }
}

vocabulary! {
    /// A pledge's grade (spec §2).
    Grade {
        A = "A", "A", "A";
        B = "B", "B", "B";
        C = "C", "C", "C";
    }
}

vocabulary! {
    /// The three areas pledges cover (spec §2).
    Area {
        PartyBuilding = "party_building", "党的建设和干部队伍建设", "Party building and the cadre team";
        Innovation = "innovation", "创新创优工作", "Innovation and excellence";
        KeyWork = "key_work", "服务全区重点工作", "Serving the district's key work";
    }
}

vocabulary! {
    /// The rater groups of the multi-rater evaluation (spec §3).
    RaterGroup {
        DistrictLeaders = "district_leaders", "区领导", "District leaders";
        Peers = "peers", "党政正职互评", "Peer principal officials";
        UnitStaff = "unit_staff", "本单位干部", "Cadres of the official's unit";
        Public = "public", "服务对象和群众", "Service recipients and the public";
    }
}

vocabulary! {
    /// The categories a rater votes in (spec §3).
    VoteCategory {
        Good = "good", "好", "good";
        FairlyGood = "fairly_good", "较好", "fairly good";
        Average = "average", "一般", "average";
        Poor = "poor", "差", "poor";
    }
}

vocabulary! {
    /// What a tier leads to (spec §6), in the order of the spec's table.
    Consequence {
        Commendation = "commendation", "全区通报表扬", "Commended district-wide";
        PromotionPriority = "promotion_priority", "职级晋升予以倾斜", "Priority in rank promotion";
        Admonishment = "admonishment", "诫勉处理", "Admonishment";
        PromotionFreeze = "promotion_freeze", "下一年内原则上不得晋升职务职级", "No promotion in the next year";
        Reassignment = "reassignment", "予以组织调整", "Organisational reassignment";
        PublicCriticism = "public_criticism", "全区通报批评", "Criticised district-wide";
        SelfInspectionReport = "self_inspection_report", "写出自查自纠报告", "Self-inspection report";
        Demotion = "demotion", "降低一个职务或职级层次", "Demoted one level";
    }
}

vocabulary! {
    /// The kind of unit an official leads.
    UnitKind {
        Department = "department", "部门单位", "department or unit";
        Street = "street", "街道", "sub-district";
    }
}

vocabulary! {
    /// The outcome of the political-quality test (spec §4).
    #[derive(Default)]
    PoliticalQuality {
        #[default]
        Qualified = "qualified", "合格", "qualified";
        Unqualified = "unqualified", "不合格", "unqualified";
    }
}

impl Tier {
    /// True when `self` is strictly better than `other`.
    pub fn is_better_than(self, other: Tier) -> bool {
        self < other
    }

    /// The next better tier, if any.
    pub fn next_up(self) -> Option<Tier> {
        self.index().checked_sub(1).map(|i| Tier::ALL[i])
    }
}
