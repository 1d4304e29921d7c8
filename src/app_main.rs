//! The phone's page (`index.html`): the self-assessment, built by Trunk without the workshop.

fn main() {
    dongliang::app::run();
}
