//! One view per file. A view that keeps state of its own (a hook: a file reader, a memo, a
//! sort order) is a Yew component with `XxxProps` and `on_*` callbacks that reads the shared
//! state with `use_app_state()`; any other view is a plain function of the state
//! (`fn basics_section(state: &AppState) -> Html`) or of its values (`tier_badge(tier, lang,
//! large)`). Every view reads the one state and re-renders on each of its changes anyway,
//! while each Yew component carries about 370 bytes (gzip) of lifecycle code into the wasm.
//! Either kind changes the state only by dispatching actions.

pub mod about;
pub mod assumptions;
pub mod basics;
pub mod error_summary;
pub mod explain;
pub mod grade_picker;
pub mod header;
pub mod history;
pub mod lift_list;
pub mod mobile_bar;
pub mod negative_list;
pub mod notice_bar;
pub mod number_field;
pub mod page;
pub mod pledge_card;
pub mod pledges;
pub mod positive_list;
pub mod print_report;
pub mod quarter_field;
pub mod quarter_line;
pub mod quote;
pub mod result_card;
pub mod result_tabs;
pub mod rules_note;
pub mod score_bar;
pub mod section;
pub mod tier_badge;
pub mod toolbar;
pub mod transfer_panel;
pub mod unit_section;
pub mod veto_banner;
pub mod votes;
pub mod waterfall;
pub mod what_if;
