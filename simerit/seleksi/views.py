from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


@login_required
def index_view(request: HttpRequest) -> HttpResponse:  # replaced by the app's real index during this session
    return redirect("home")
