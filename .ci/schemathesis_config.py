#!/usr/bin/env python3
"""Writes the Schemathesis configuration for .ci/schemathesis: real ids for every
path parameter, so that generated requests reach real resources instead of 404s.

The demo company (`fairhire demo`) already holds suppliers, assessments, findings,
a fee audit, evidence and a report. What the demo does not seed (a webhook, an API
key, a schedule, a referral service, a worker-voice channel and poster) is created
here through the public API, as a client would. Every id is then bound to the
operations whose path names it: `{id}` means a different resource on each path, so
the binding is per path, not global.

Usage: schemathesis_config.py BASE_URL ADMIN_TOKEN > schemathesis.toml
       schemathesis_config.py BASE_URL SUPPLIER_TOKEN --supplier > supplier.toml
The second form binds the ids a supplier user works with: its supplier and its
assessment still being answered (the operations only a supplier may call).
Exits non-zero if a request fails, so a broken seed fails CI rather than silently
falling back to random ids.
"""

import json
import sys
import urllib.error
import urllib.request

BASE, TOKEN = sys.argv[1], sys.argv[2]


def call(method, path, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    request = urllib.request.Request(f"{BASE}/api/v1{path}", data=data, method=method)
    request.add_header("authorization", f"Bearer {TOKEN}")
    if data is not None:
        request.add_header("content-type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read().decode()}")


def items(answer):
    return answer["items"] if isinstance(answer, dict) and "items" in answer else answer


def first_id(path, key="id"):
    found = items(call("GET", path))
    return found[0][key] if found else None


if sys.argv[3:] == ["--supplier"]:
    supplier_id = call("GET", "/me")["memberships"][0]["organization_id"]
    mine = items(call("GET", f"/suppliers/{supplier_id}/assessments"))
    open_one = next(a for a in mine if a["status"] in ("sent", "in_progress", "returned"))
    print("[parameters]")
    print(f'"path.sid" = "{supplier_id}"')
    print(f'"path.aid" = "{open_one["id"]}"')
    sys.exit(0)

cid = call("GET", "/me")["memberships"][0]["organization_id"]
suppliers = items(call("GET", f"/companies/{cid}/suppliers?per_page=50"))
sid = suppliers[0]["id"]
assessments = items(call("GET", f"/companies/{cid}/assessments?per_page=50"))
aid = next((a["id"] for a in assessments if a["status"] in ("scored", "approved")), assessments[0]["id"])
qid = assessments[0]["questionnaire_id"]

fid = None
for assessment in assessments:
    findings = call("GET", f"/assessments/{assessment['id']}/findings")
    if findings:
        fid = findings[0]["id"]
        break
action_id = None
if fid:
    actions = call("GET", f"/findings/{fid}/actions")
    if not actions:
        actions = [
            call(
                "POST",
                f"/findings/{fid}/actions",
                {"description": "Repay every worker in full", "due_date": "2099-01-31"},
            )
        ]
    action_id = actions[0]["id"]

fee_audit_id = None
evidence_id = None
for supplier in suppliers:
    audits = items(call("GET", f"/suppliers/{supplier['id']}/fee-audits"))
    if audits and not fee_audit_id:
        fee_audit_id = audits[0]["id"]
for assessment in assessments:
    files = items(call("GET", f"/assessments/{assessment['id']}/evidence"))
    if files:
        evidence_id = files[0]["id"]
        break

report_id = None
for assessment in assessments:
    reports = items(call("GET", f"/assessments/{assessment['id']}/reports"))
    if reports:
        report_id = reports[0]["id"]
        break

webhook = call(
    "POST",
    f"/companies/{cid}/webhooks",
    {"url": "http://127.0.0.1:9/fairhire-webhook", "events": ["finding.created"], "secret": "schemathesis-secret-1"},
)
api_key = call("POST", f"/companies/{cid}/api-keys", {"name": "Schemathesis", "role": "officer"})
schedule = call(
    "POST",
    f"/companies/{cid}/assessment-schedules",
    {"supplier_id": sid, "questionnaire_id": qid, "every_months": 12, "due_in_days": 30},
)
referral = call(
    "POST",
    f"/companies/{cid}/referral-services",
    {"name": "Example helpline", "country": "MY", "kind": "hotline", "example": True, "email": "help@example.org"},
)
channel = call("POST", f"/companies/{cid}/voice/channels", {"supplier_id": sid})
poster = call("POST", f"/voice/channels/{channel['id']}/posters", {})
category = call("GET", f"/voice/{channel['token']}")["categories"][0]["key"]
call(
    "POST",
    f"/voice/{channel['token']}/reports",
    {"category": category, "description": "A report made by the contract fuzzing seed."},
)
case_id = first_id(f"/companies/{cid}/voice/cases")
recruiter_id = first_id(f"/companies/{cid}/recruiters")
invitation = call("POST", f"/companies/{cid}/advisors", {"email": "schemathesis-advisor@example.org"})

bindings = {
    "cid": cid,
    "sid": sid,
    "aid": aid,
    "qid": qid,
    "fid": fid,
    "rid": report_id,
}
per_path = {
    "/api/v1/actions/{id}": action_id,
    "/api/v1/api-keys/{id}": api_key.get("id"),
    "/api/v1/assessment-schedules/{id}": schedule.get("id"),
    "/api/v1/companies/{cid}/invitations/{id}": invitation.get("invitation_id"),
    "/api/v1/evidence/{id}": evidence_id,
    "/api/v1/fee-audits/{id}": fee_audit_id,
    "/api/v1/fee-audits/{id}/repayments": fee_audit_id,
    "/api/v1/recruiters/{id}": recruiter_id,
    "/api/v1/referral-services/{id}": referral.get("id"),
    "/api/v1/voice/cases/{id}": case_id,
    "/api/v1/voice/cases/{id}/findings": case_id,
    "/api/v1/voice/cases/{id}/messages": case_id,
    "/api/v1/voice/channels/{id}/posters": channel.get("id"),
    "/api/v1/voice/posters/{id}": poster.get("id"),
    "/api/v1/voice/posters/{id}/pdf": poster.get("id"),
    "/api/v1/webhooks/{id}": webhook.get("id"),
    "/api/v1/webhooks/{id}/deliveries": webhook.get("id"),
    "/api/v1/webhooks/{id}/test": webhook.get("id"),
}

per_path_token = {
    "/api/v1/voice/{token}": channel["token"],
    "/api/v1/voice/{token}/reports": channel["token"],
}

print("[parameters]")
for name, value in bindings.items():
    if value:
        print(f'"path.{name}" = "{value}"')
for path, value in per_path.items():
    if value:
        print()
        print("[[operations]]")
        print(f'include-path = "{path}"')
        print(f'parameters = {{ "path.id" = "{value}" }}')
for path, value in per_path_token.items():
    print()
    print("[[operations]]")
    print(f'include-path = "{path}"')
    print(f'parameters = {{ "path.token" = "{value}" }}')
bound = len(per_path_token) + sum(1 for v in list(bindings.values()) + list(per_path.values()) if v)
print(f"bound {bound} path parameters to real ids", file=sys.stderr)
