"""Stream data with an id on every block, nested ones included.

Raw stream data written by code (the demo seed, imports, tests) usually has no block ids.
Wagtail fills in ids for top-level blocks only; wagtail-localize addresses every translatable
string by the ids on its path, so a nested block without one cannot be translated.
"""

from wagtail.blocks import ListBlock, StreamBlock, StructBlock


def _bind_all(block, value):
    """Turn every nested value into bound blocks, so saving gives each one an id."""
    if isinstance(block, StreamBlock):
        for child in value:
            _bind_all(child.block, child.value)
    elif isinstance(block, StructBlock):
        for name, child_block in block.child_blocks.items():
            _bind_all(child_block, value[name])
    elif isinstance(block, ListBlock):
        for child in value.bound_blocks:
            _bind_all(block.child_block, child.value)


def with_block_ids(stream_block: StreamBlock, raw_data: list) -> list:
    value = stream_block.to_python(raw_data)
    _bind_all(stream_block, value)
    return stream_block.get_prep_value(value)
