fn main() {
    #[cfg(target_arch = "wasm32")]
    deal_explorer::ui::mount();
}
