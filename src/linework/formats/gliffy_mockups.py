"""Gliffy's UI mockup and org chart stencils → Linework's mockup kinds and person card.

Keys are ``<library>.<shape>`` as ``gliffy._KINDS`` reads a uid
(``com.gliffy.shape.ui.ui_v3.forms_controls.button`` → ``ui.button``). The
names follow Gliffy's UI (``ui_v2``/``ui_v3``) and org chart libraries; no
sample file of either is in the shared corpus, so aliases cover the spellings
the libraries have used.
"""

from __future__ import annotations

from typing import Final

GLIFFY_MOCKUP_KINDS: Final[dict[str, str]] = {
    "ui.browser": "mockup-browser",
    "ui.browser_window": "mockup-browser",
    "ui.window": "mockup-browser",
    "ui.iphone": "mockup-phone",
    "ui.android_phone": "mockup-phone",
    "ui.mobile_phone": "mockup-phone",
    "ui.phone": "mockup-phone",
    "ui.button": "mockup-button",
    "ui.round_button": "mockup-button",
    "ui.input_text": "mockup-input",
    "ui.text_input": "mockup-input",
    "ui.text_field": "mockup-input",
    "ui.input_field": "mockup-input",
    "ui.password_field": "mockup-input",
    "ui.search_field": "mockup-input",
    "ui.checkbox": "mockup-checkbox",
    "ui.check_box": "mockup-checkbox",
    "ui.radio_button": "mockup-radio",
    "ui.radio": "mockup-radio",
    "ui.toggle": "mockup-toggle",
    "ui.on_off_switch": "mockup-toggle",
    "ui.switch": "mockup-toggle",
    "ui.dropdown": "mockup-dropdown",
    "ui.drop_down": "mockup-dropdown",
    "ui.combo_box": "mockup-dropdown",
    "ui.select": "mockup-dropdown",
    "ui.tabs": "mockup-tabs",
    "ui.tab_bar": "mockup-tabs",
    "ui.horizontal_tabs": "mockup-tabs",
    "ui.slider": "mockup-slider",
    "ui.horizontal_slider": "mockup-slider",
    "ui.progress_bar": "mockup-slider",
    "ui.table": "mockup-table",
    "ui.data_grid": "mockup-table",
    "ui.grid": "mockup-table",
    "ui.image": "mockup-image",
    "ui.image_placeholder": "mockup-image",
    "ui.picture": "mockup-image",
    "ui.navigation_bar": "mockup-navbar",
    "ui.navbar": "mockup-navbar",
    "ui.menu_bar": "mockup-navbar",
    "ui.header": "mockup-navbar",
    "orgchart.person": "person-card",
    "orgchart.employee": "person-card",
    "orgchart.manager": "person-card",
    "orgchart.executive": "person-card",
    "orgchart.position": "person-card",
    "orgchart.vacancy": "person-card",
    "orgchart.assistant": "person-card",
    "orgchart.consultant": "person-card",
}
