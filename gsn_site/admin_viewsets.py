"""Pieces shared by the admin viewsets of several apps."""


class WithoutScreensMixin:
    """Leaves out generic admin screens (and every link to them) that a viewset must not offer."""

    removed_screens = ()

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in self.removed_screens:
            view_kwargs[f"{name}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in self.removed_screens]
