"""Pages for people: the list, the person form, the person page with its tabs, and deletion.

Routes stay thin: they parse the query string or the form, call one use case and render. The list
reads its query string with the API's ``PersonListParams`` and the form validates with
``PersonCreate`` / ``PersonUpdate``, so pages and API accept exactly the same input. What a role
may not see is decided by the services (``person_to_read`` redacts, hidden people answer 404);
pages only leave out what the services left out.

The parts, by purpose:

- ``_list``: the people list with its filters, sorting and pagination.
- ``_forms``: the person form and how a submission becomes ``PersonCreate`` / ``PersonUpdate``;
  ``_form_messages``: its field labels and translated error messages.
- ``_edit``: the pages that add and change a person.
- ``_person``: the person page and its tabs.
- ``_actions``: adding to a job, notes, files and deleting the person.
- ``_display``: labels and select choices shared by the pages.
"""

from fastapi import APIRouter

from talentbridge.people.web import _actions, _edit, _list, _person
from talentbridge.people.web._list import LIST_PAGE_SIZE

router = APIRouter(include_in_schema=False)
# Order matters: "/people/new" must be matched before "/people/{person_id}".
for _part in (_list, _edit, _person, _actions):
    router.include_router(_part.router)

__all__ = ["LIST_PAGE_SIZE", "router"]
