from django.urls import path

from search import views

urlpatterns = [
    path("", views.search_page, name="article_search"),
    path("suggestions/", views.search_suggestions, name="article_search_suggestions"),
]
