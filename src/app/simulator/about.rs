//! 说明: the source article, what the app takes from it, and the plain statement that every
//! default number is illustrative — a training and self-check tool, not official scoring.

use yew::prelude::*;

use super::quote::quote;
use crate::app::hooks::AppState;

pub fn about_view(state: &AppState) -> Html {
    let (lang, rules) = (state.lang, state.rules.clone());
    let s = &rules.source;
    html! {
        <article class="prose">
            <h1>{ lang.pick("说明", "About") }</h1>
            <p>{ lang.pick("本工具依据以下报道整理考评结构:", "The structure of the assessment follows this report:") }</p>
            <p class="citation" lang="zh-CN"><cite>{ format!("《{}》{} {} “{}”({})", s.publication, s.date, s.page, s.title, s.author) }</cite></p>
            <h2>{ lang.pick("取自原文的内容", "What comes from the article") }</h2>
            <ul>
                <li>{ lang.pick("“四维考评”:单位综合绩效、个人履职践诺、多维测评、正负面清单;", "The four dimensions: unit performance, personal pledges, multi-rater evaluation, positive and negative lists;") }</li>
                <li>{ lang.pick("履职承诺的三个方面与 A、B、C 三级,按工作难度、创新力度、贡献程度评级;", "The three pledge areas and the A/B/C grades by difficulty, innovation and contribution;") }</li>
                <li>{ lang.pick("正面八条的四个方面、负面十五条的五个方面与三种“一票否决”情形;", "The four aspects of the eight positive items, the five aspects of the fifteen negative items and the three veto cases;") }</li>
                <li>{ lang.pick("等次的结果运用(通报表扬、职级晋升倾斜、诫勉、组织调整、通报批评、降职)。", "What each tier leads to (commendation, promotion priority, admonishment, reassignment, criticism, demotion).") }</li>
            </ul>
            { quote(&rules.dimensions.basis.quote.clone().unwrap_or_default(), rules.dimensions.basis.quote_en.as_deref(), &rules, lang) }
            <h2>{ lang.pick("请注意", "Please note") }</h2>
            <p class="disclaimer">{ lang.pick(
                "原文几乎没有公布具体分值。凡标为“示例默认值”的权重、系数、分数线和条目分值均为示意,可在规则中查看;本工具用于培训和自查,不是市北区的正式评分。",
                "The article publishes almost no numbers. Every weight, coefficient, threshold and item value marked as an illustrative default is only an example (see Rules); this is a training and self-check tool, not the district's official scoring.") }</p>
            <p>{ lang.pick("所有计算都在本机浏览器中完成,档案只保存在本浏览器(localStorage)中,不会上传。",
                "Everything is computed in your browser; dossiers are kept in this browser only (localStorage) and never uploaded.") }</p>
        </article>
    }
}
