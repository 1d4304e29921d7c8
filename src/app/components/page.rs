//! The self-assessment view: the toolbar and notices on top, the dossier editor on the left,
//! the result card and its tabs on the right (one column and a bottom bar on phones).

use yew::prelude::*;

use super::assumptions::AssumptionsSection;
use super::basics::BasicsSection;
use super::error_summary::ErrorSummary;
use super::history::HistorySection;
use super::mobile_bar::MobileBar;
use super::negative_list::NegativeList;
use super::notice_bar::NoticeBar;
use super::pledges::PledgesSection;
use super::positive_list::PositiveList;
use super::result_card::ResultCard;
use super::result_tabs::ResultTabs;
use super::toolbar::Toolbar;
use super::unit_section::UnitSection;
use super::votes::VotesSection;
use crate::app::hooks::use_app_state;

#[derive(Properties, PartialEq)]
pub struct SelfAssessmentPageProps {
    /// The page's first frame: only the result card, so that it is painted at once.
    #[prop_or_default]
    pub first_frame: bool,
}

#[function_component(SelfAssessmentPage)]
pub fn self_assessment_page(props: &SelfAssessmentPageProps) -> Html {
    let lang = use_app_state().lang;
    let full = !props.first_frame;
    html! {
        <>
            if full {
                <Toolbar />
                <NoticeBar />
            }
            <div class="layout">
                <form class="editor" aria-label={lang.pick("考评档案", "Dossier")}
                    onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    if full {
                        <ErrorSummary />
                        <BasicsSection />
                        <PledgesSection />
                        <UnitSection />
                        <VotesSection />
                        <PositiveList />
                        <NegativeList />
                        <HistorySection />
                        <AssumptionsSection />
                    }
                </form>
                <aside class="result-col" aria-label={lang.pick("结果", "Result")}>
                    <ResultCard />
                    if full {
                        <ResultTabs />
                    }
                </aside>
            </div>
            <MobileBar />
        </>
    }
}
