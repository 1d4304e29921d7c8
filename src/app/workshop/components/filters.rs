//! The ranking table's filters: unit kind, tier, veto and honour.

use yew::prelude::*;

use crate::app::dom::{event_checked, event_value};
use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::state::Action;
use crate::app::workshop::state::WorkshopAction;
use crate::app::workshop::table::{Filter, VetoFilter};
use crate::engine::ids::UnitKind;
use crate::engine::Tier;

pub fn filters(state: &AppState) -> Html {
    let (lang, filter) = (state.lang, state.workshop.filter);
    let set = |change: fn(&mut Filter, String, bool)| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let mut f = state.workshop.filter;
            change(&mut f, event_value(&e), event_checked(&e));
            state.dispatch(Action::Workshop(WorkshopAction::SetFilter(f)));
        })
    };
    let all = lang.pick("全部", "All");
    let kinds = UnitKind::ALL.iter().map(|k| {
        html! { <option value={k.id()} selected={filter.kind == Some(*k)}>{ lang.pick(k.zh(), k.en()) }</option> }
    });
    let tiers = Tier::ALL.iter().map(|t| {
        html! { <option value={t.id()} selected={filter.tier == Some(*t)}>{ i18n::tier(*t, lang) }</option> }
    });
    let veto_options = [
        (VetoFilter::All, "all", all),
        (
            VetoFilter::Vetoed,
            "vetoed",
            lang.pick("仅一票否决", "Vetoed only"),
        ),
        (
            VetoFilter::NotVetoed,
            "clear",
            lang.pick("不含一票否决", "Not vetoed"),
        ),
    ];
    html! {
        <div class="ws-filters" role="group" aria-label={lang.pick("筛选", "Filters")}>
            <div class="field">
                <label for="flt-kind">{ lang.pick("单位类型", "Unit kind") }</label>
                <select id="flt-kind" onchange={set(|f, v, _| f.kind = UnitKind::from_id(&v))}>
                    <option value="" selected={filter.kind.is_none()}>{ all }</option>
                    { for kinds }
                </select>
            </div>
            <div class="field">
                <label for="flt-tier">{ lang.pick("等次", "Tier") }</label>
                <select id="flt-tier" onchange={set(|f, v, _| f.tier = Tier::from_id(&v))}>
                    <option value="" selected={filter.tier.is_none()}>{ all }</option>
                    { for tiers }
                </select>
            </div>
            <div class="field">
                <label for="flt-veto">{ lang.pick("一票否决", "Veto") }</label>
                <select id="flt-veto" onchange={set(|f, v, _| {
                    f.veto = match v.as_str() {
                        "vetoed" => VetoFilter::Vetoed,
                        "clear" => VetoFilter::NotVetoed,
                        _ => VetoFilter::All,
                    }
                })}>
                    { for veto_options.iter().map(|(v, id, text)| html! {
                        <option value={*id} selected={filter.veto == *v}>{ *text }</option>
                    }) }
                </select>
            </div>
            <div class="field check">
                <input id="flt-honour" type="checkbox" checked={filter.honour_only}
                    onchange={set(|f, _, checked| f.honour_only = checked)} />
                <label for="flt-honour">{ lang.pick("只看担当作为好干部", "Honoured only") }</label>
            </div>
        </div>
    }
}
