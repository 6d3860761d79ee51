from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views.groups import GroupViewSet
from wagtail.users.views.groups import IndexView as GroupIndexView


class RoleGroupIndexView(GroupIndexView):
    columns = [
        TitleColumn(
            "name",
            accessor=str,
            label=_("Name"),
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class RoleGroupViewSet(GroupViewSet):
    index_view_class = RoleGroupIndexView
