"""translations/sync.py works around wagtail-localize#876 before its own restart hook runs."""

from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks

from translations.wagtail_hooks import keep_manual_edits_when_sync_restarts


def test_our_hook_runs_first_on_the_button_wagtail_localize_offers():
    assert localize_hooks.RestartTranslationPageActionMenuItem.name == (
        "localize-restart-translation"
    ), "the restart button posts another name: revisit translations/wagtail_hooks.py"
    edit_hooks = hooks.get_hooks("before_edit_page")
    ours = edit_hooks.index(keep_manual_edits_when_sync_restarts)
    theirs = edit_hooks.index(localize_hooks.before_edit_page)
    assert ours < theirs, (
        "wagtail-localize would restart the translation before the hand-made edits are kept "
        "(docs/upgrading.md)"
    )
