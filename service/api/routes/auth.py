"""Who the caller is: tokens are created on the command line (`kenesh token create`), checked here."""

from __future__ import annotations

from fastapi import APIRouter

from service.api.deps import ReaderDep
from service.api.schemas import Message, WhoAmI

router = APIRouter(prefix="/auth", tags=["auth"])


@router.get("/me", response_model=WhoAmI, responses={401: {"model": Message}})
def who_am_i(token: ReaderDep) -> WhoAmI:
    """The role and name of the token sent (to check a token before using it)."""
    return WhoAmI(token_id=token.id, name=token.name, role=token.role)
