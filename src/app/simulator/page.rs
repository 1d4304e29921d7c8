//! The self-assessment view: the toolbar and notices on top, the dossier editor on the left,
//! the result card and its tabs on the right (one column and a bottom bar on phones).
//!
//! The page starts in stages, one per painted frame (README "Phone performance"): laying out
//! the whole editor at once (hundreds of Chinese text runs shaped for the first time) is a
//! task of several hundred milliseconds on a phone. The first frame is laid out exactly as the
//! top of the full page — header, toolbar, notices, the basic facts, the first pledge and the
//! head of the result card — so that nothing on the first screen moves when the rest arrives;
//! each later stage adds one piece below it (the other pledges, the unit and the votes, each
//! list, …) in a task of its own after the previous one is painted. A piece [`later`] than the
//! current stage renders nothing until its stage comes; once the start is over, every piece
//! renders at once.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::Key;

use super::assumptions::assumptions_section;
use super::basics::basics_section;
use super::error_summary::error_summary;
use super::history::history_section;
use super::mobile_bar::mobile_bar;
use super::negative_list::negative_list;
use super::notice_bar::notice_bar;
use super::pledges::pledges_section;
use super::positive_list::positive_list;
use super::result_card::result_card;
use super::result_tabs::result_tabs;
use super::toolbar::DossierMenu;
use super::unit_section::unit_section;
use super::votes::votes_section;
use crate::app::hooks::AppState;
use crate::app::timing;

/// The pieces of the page that follow its first frame, each in a stage of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The result card below its head (consequences, targets, lifting changes).
    ResultRest,
    /// The pledge card of this index (the first is in the first frame); cards after the
    /// third and the button that adds one come with the third.
    Pledge(usize),
    /// 单位综合绩效.
    Unit,
    /// 多维测评.
    Votes,
    /// The positive list's aspects after the first two.
    PositiveRest,
    Positive,
    /// The negative list's aspects after the first three.
    NegativeRest,
    Negative,
    /// 历年等次 and 推算假设 (closed: only their heads).
    Folded,
    /// 如何计算 · 假如…… · 图表.
    Tabs,
    /// The print report (hidden on screen) and, on a phone, the folded toolbar.
    Last,
}

/// The pieces in the order they arrive on a phone, top to bottom; the rest of the result card
/// is hidden there in the bottom bar's sheet, so it comes after the editor.
const NARROW_ORDER: [Piece; 14] = [
    Piece::Pledge(1),
    Piece::Pledge(2),
    Piece::Pledge(3),
    Piece::Unit,
    Piece::Votes,
    Piece::Positive,
    Piece::PositiveRest,
    Piece::Negative,
    Piece::NegativeRest,
    Piece::Folded,
    Piece::ResultRest,
    Piece::Tabs,
    Piece::Last,
    Piece::Last,
];

/// On a wide screen the rest of the result card (beside the editor, on the first screen)
/// comes first.
const WIDE_ORDER: [Piece; 14] = [
    Piece::ResultRest,
    Piece::Pledge(1),
    Piece::Pledge(2),
    Piece::Pledge(3),
    Piece::Unit,
    Piece::Votes,
    Piece::Positive,
    Piece::PositiveRest,
    Piece::Negative,
    Piece::NegativeRest,
    Piece::Folded,
    Piece::Tabs,
    Piece::Last,
    Piece::Last,
];

/// The last stage; from then on every piece renders at once.
const LAST: u8 = 13;

/// Width (CSS px) up to which the page is laid out for phones: one column, the result folded
/// into the bottom bar (styles/app.css, `max-width: 900px`).
const NARROW_MAX: f64 = 900.0;

/// True on a narrow (phone) screen, as the page started: read once, before anything is
/// rendered (reading the viewport's width later would force a layout in the middle of a
/// render). It decides what starts open and the order of the stages, nothing that a rotation
/// or a resize would have to change.
pub fn narrow() -> bool {
    NARROW.with(|n| match n.get() {
        Some(narrow) => narrow,
        None => {
            let narrow = web_sys::window()
                .and_then(|w| w.inner_width().ok())
                .and_then(|w| w.as_f64())
                .is_some_and(|w| w <= NARROW_MAX);
            n.set(Some(narrow));
            narrow
        }
    })
}

impl Piece {
    /// The stage that adds this piece (1, 2, …; the first frame is stage 0). Each stage is
    /// one task of DOM building and one frame of layout, each kept under 50 ms on a phone's
    /// CPU (a quarter of this machine's).
    fn stage(self, narrow: bool) -> u8 {
        let piece = match self {
            Piece::Pledge(i) => Piece::Pledge(i.clamp(1, 3)),
            other => other,
        };
        let order = if narrow { &NARROW_ORDER } else { &WIDE_ORDER };
        order
            .iter()
            .position(|p| *p == piece)
            .map_or(LAST, |i| i as u8 + 1)
    }
}

/// What waits for a stage: (stage, wake-up).
type Waiting = Vec<(u8, Box<dyn FnOnce()>)>;

thread_local! {
    /// Whether the page started on a narrow screen ([`narrow`]).
    static NARROW: Cell<Option<bool>> = const { Cell::new(None) };
    /// The stage the page's start has reached.
    static STAGE: Cell<u8> = const { Cell::new(0) };
    /// True while the stages are being stepped through.
    static STEPPING: Cell<bool> = const { Cell::new(false) };
    /// What waits for a stage: (stage, wake-up).
    static WAITING: RefCell<Waiting> = RefCell::new(Vec::new());
}

fn reached(stage: u8) -> bool {
    STAGE.with(Cell::get) >= stage
}

/// Steps through the stages, one after each painted frame (called once the first frame is
/// rendered; a second call while stepping, or after the last stage, does nothing).
pub fn start_stages() {
    if reached(LAST) || STEPPING.with(|s| s.replace(true)) {
        return;
    }
    next_stage_after_paint();
}

fn next_stage_after_paint() {
    let done = Rc::new(Cell::new(false));
    let step = {
        let done = done.clone();
        move || {
            if !done.replace(true) {
                advance();
            }
        }
    };
    timing::after_paint(step);
    // A page opened in a background tab gets no animation frame until it is shown.
    timing::after_ms(500, move || {
        if !done.replace(true) {
            advance();
        }
    });
}

fn advance() {
    let stage = STAGE.with(|s| {
        let next = s.get().saturating_add(1).min(LAST);
        s.set(next);
        next
    });
    let ready: Vec<Box<dyn FnOnce()>> = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let (now, rest): (Vec<_>, Vec<_>) = w.drain(..).partition(|(s, _)| *s <= stage);
        *w = rest;
        now.into_iter().map(|(_, wake)| wake).collect()
    });
    for wake in ready {
        wake();
    }
    if stage < LAST {
        next_stage_after_paint();
    } else {
        STEPPING.with(|s| s.set(false));
    }
}

/// Runs `wake` once the start reaches `stage` (at once if it has).
fn when_reached(stage: u8, wake: impl FnOnce() + 'static) {
    if reached(stage) {
        wake();
    } else {
        WAITING.with(|w| w.borrow_mut().push((stage, Box::new(wake))));
    }
}

/// A piece of the page rendered from its stage on; `before` (if any) until then.
#[derive(Properties)]
pub struct LaterProps {
    pub stage: u8,
    pub render: Rc<dyn Fn() -> Html>,
    pub before: Option<Rc<dyn Fn() -> Html>>,
}

impl PartialEq for LaterProps {
    /// Always re-rendered with its parent: what it shows is a function of the app's state.
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[function_component(Later)]
pub fn later_piece(props: &LaterProps) -> Html {
    let stage = props.stage;
    let shown = use_state_eq(|| reached(stage));
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            if !*shown {
                when_reached(stage, move || shown.set(true));
            }
        });
    }
    if *shown {
        (props.render)()
    } else {
        props.before.as_ref().map(|before| before()).unwrap_or_default()
    }
}

/// `render`, from the stage of `piece` on.
pub fn later(piece: Piece, render: impl Fn() -> Html + 'static) -> Html {
    html! { <Later stage={piece.stage(narrow())} render={Rc::new(render) as Rc<dyn Fn() -> Html>} before={None::<Rc<dyn Fn() -> Html>>} /> }
}

/// `render`, from the stage of `piece` on, as an item of a keyed list.
pub fn later_keyed(piece: Piece, key: Key, render: impl Fn() -> Html + 'static) -> Html {
    html! { <Later {key} stage={piece.stage(narrow())} render={Rc::new(render) as Rc<dyn Fn() -> Html>} before={None::<Rc<dyn Fn() -> Html>>} /> }
}

/// `before` until the stage of `piece`, then `render`.
pub fn later_or(
    piece: Piece,
    before: impl Fn() -> Html + 'static,
    render: impl Fn() -> Html + 'static,
) -> Html {
    let before: Rc<dyn Fn() -> Html> = Rc::new(before);
    html! { <Later stage={piece.stage(narrow())} render={Rc::new(render) as Rc<dyn Fn() -> Html>} before={Some(before)} /> }
}

/// The view.
pub fn self_assessment_page(state: &AppState) -> Html {
    let lang = state.lang;
    let s = state.clone();
    html! {
        <>
            <h1 class="visually-hidden">{ lang.pick("自评模拟", "Self-assessment") }</h1>
            <DossierMenu />
            { notice_bar(state) }
            <div class="layout">
                <form class="editor" aria-label={lang.pick("考评档案", "Dossier")}
                    onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    { error_summary(state) }
                    { basics_section(state) }
                    { pledges_section(state) }
                    { later(Piece::Unit, { let s = s.clone(); move || unit_section(&s) }) }
                    { later(Piece::Votes, { let s = s.clone(); move || votes_section(&s) }) }
                    { later(Piece::Positive, { let s = s.clone(); move || positive_list(&s) }) }
                    { later(Piece::Negative, { let s = s.clone(); move || negative_list(&s) }) }
                    { later(Piece::Folded, {
                        let s = s.clone();
                        move || html! { <>{ history_section(&s) }{ assumptions_section(&s) }</> }
                    }) }
                </form>
                <aside class="result-col" aria-label={lang.pick("结果", "Result")}>
                    { later_or(Piece::ResultRest,
                        { let s = s.clone(); move || result_card(&s, false) },
                        { let s = s.clone(); move || result_card(&s, true) }) }
                    { later(Piece::Tabs, { let s = s.clone(); move || result_tabs(&s) }) }
                </aside>
            </div>
            { mobile_bar(state) }
        </>
    }
}
