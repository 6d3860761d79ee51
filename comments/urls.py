from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("<int:page_id>/post/", views.post_comment, name="post"),
    path("<int:page_id>/form-state/", views.form_state, name="form_state"),
]
