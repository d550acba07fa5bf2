/**
 * Generated from the service's OpenAPI document by `npm run console:api-types`; do not edit.
 * A test (test/docs/console-api-types.e2e-spec.ts) fails when this file and the document disagree.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description The process is up and serving HTTP; no dependency is consulted, so a database outage does not get the process restarted. Public; `GET /health` is the same.
         */
        get: operations["Health_live_1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description The process is up and serving HTTP; no dependency is consulted, so a database outage does not get the process restarted. Public; `GET /health` is the same.
         */
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Pings the database and Redis, each for at most HEALTH_CHECK_TIMEOUT_MS, and reports each registry’s circuit (an open circuit does not make the service unready) and whether the built-in sandbox answers for any registry (`registrySandbox`). Public, so it answers from a result at most 1 s old: concurrent probes share one check, and a flood costs at most one database and one Redis ping a second.
         */
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description The service’s metrics in Prometheus text format, for a scraper: HTTP request durations by route pattern, queue depths by state (read at scrape time, each queue for at most METRICS_QUEUE_TIMEOUT_MS), job durations, registry requests by outcome, determinations by outcome and programme, audit events by action, and the process’s own metrics. No staff token, like /health: it holds counts and timings, never an id or personal data. When METRICS_TOKEN is set it asks for `Authorization: Bearer <METRICS_TOKEN>` instead (Prometheus: `authorization` in the scrape config); when METRICS_PORT is set it is served on that port only, and this route is absent from the API’s port. Served in every SERVICE_MODE.
         */
        get: operations["Metrics_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List applications
         * @description **Roles:** `intake`, `reviewer`, `auditor`, `admin`.
         *
         *     Newest first, filtered by status, program and region; intake staff see only what they submitted, and a token’s region limits every role. Items carry no personal data.
         */
        get: operations["Applications_list"];
        put?: never;
        /**
         * Submit an application
         * @description **Roles:** `intake`, `admin`.
         *
         *     Validates the household (its `regionCode` within the token’s `region`, if it has one), picks the policy version (the longest region prefix whose dates cover `applicationDate`), stores the application with its first verification and queues the registry checks. Unknown fields are refused, not ignored.
         */
        post: operations["Applications_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an application
         * @description **Roles:** `intake`, `reviewer`, `auditor`, `admin`.
         *
         *     The application with its members, one check per registry for the current verification, the newest determination (with findings, facts in integer fen and the policy version), the reviewer’s decision in force (`decision`, the newest) and every decision on record (`decisions`, oldest first, each with the verification it was made on). The read is audited.
         */
        get: operations["Applications_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/members/{memberIndex}/id-number": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reveal a member’s identity number
         * @description **Roles:** `intake`, `reviewer`, `auditor`, `admin`.
         *
         *     The full identity number of one member, for whoever may read the application (with `idNumbers=masked` the application shows only the last four characters). Each reveal is an audit event of its own, `ID_NUMBER_REVEALED`, naming the application and never the number.
         */
        get: operations["Applications_revealIdNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/reverify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-verify an application
         * @description **Roles:** `intake`, `reviewer`, `admin`.
         *
         *     Queues a fresh verification of the same household under the policy in force today; earlier determinations stay and the newest is current. A case waiting for review leaves the queue (unless another reviewer holds its claim). Once a reviewer has decided, only a reviewer of the region or an admin, other than the submitter, may ask (intake gets 409); the decision stays in force: a new determination that agrees with it (ELIGIBLE with APPROVED, INELIGIBLE with REJECTED) leaves the case DECIDED, any other puts it back in the review queue until a reviewer decides again. The VERIFICATION_REQUESTED audit event names who asked, and under which role.
         */
        post: operations["Applications_reverify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description **Roles:** `auditor`, `admin`.
         *
         *     Who did what to which application and when, reads of personal data included, oldest first; filter by actor, action, application and time. Refused requests are there too: a 403 as outcome DENIED, a 409 as CONFLICT, under the action tried. A token’s region limits them to that region’s applications. The read is itself an event, AUDIT_READ, whose outcome holds the filters used. Only sealed events are listed: an event is sealed (given its sequence and hash) within about a second of its commit.
         */
        get: operations["Audit_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest signed checkpoint
         * @description **Roles:** `auditor`, `admin`.
         *
         *     The log’s head when it was last signed (at most a second behind under load), as an Ed25519 compact JWS signed with a key the database does not hold. Keep copies outside the deployment (AUDIT_WITNESS_URL receives each one): a later verify against one proves the log still holds what it held then.
         */
        get: operations["Audit_checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The checkpoints’ public keys
         * @description **Roles:** `auditor`, `admin`.
         *
         *     A JWKS of the Ed25519 keys that verify checkpoints: the current signing key’s and earlier ones kept after a rotation.
         */
        get: operations["Audit_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit chain
         * @description **Roles:** `auditor`, `admin`.
         *
         *     By default incremental: checks that the event where the previous verification stopped still has its hash, then walks the events sealed since. `full=true` walks the whole chain; so does a `checkpoint` (a signed one kept outside the deployment), and the log must then still hold exactly the prefix it names. Every verification also holds the log to its newest stored checkpoint. One whole walk runs at a time (409 meanwhile). An incremental verification cannot see a change of events verified before: run a whole one regularly, and against a checkpoint kept elsewhere.
         */
        get: operations["Audit_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reverification-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-verify the enrolled households of a region
         * @description **Roles:** `reviewer`, `admin`.
         *
         *     A reviewer’s token with a region claim may start runs only within it (otherwise 403 naming `regionCode`). Starts a run that re-verifies every enrolled household of the programme within the region (a county code exactly, a prefecture or province code by prefix): applications whose reviewer’s decision in force is APPROVED or, with no decision, whose current determination is ELIGIBLE. One run per programme and region at a time: while one has not completed (selecting, or verifying what it selected), another is 409 naming it; scheduled runs (every region) likewise, per programme. The run selects and queues them in batches, behind new applications (a lower queue priority); a household already being verified, or waiting for a reviewer, is skipped and counted. Earlier determinations stay; each re-verification adds one. Scheduled runs (REVERIFICATION_SCHEDULE) do the same in every region for the households due under their policy’s interval.
         */
        post: operations["Reverification_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reverification-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a re-verification run
         * @description **Roles:** `reviewer`, `auditor`, `admin`.
         *
         *     Within the region of the caller’s token: a run over a region beyond it, or a scheduled run (every region) for a token with a region claim, is not found. The run’s progress (`total` = `done` + `inReview` + `failed` + `pending` + `skipped`) and a page of the households whose outcome changed: application id, the outcome they were enrolled on and the new one; no names or identity numbers. The read is audited.
         */
        get: operations["Reverification_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the review queue
         * @description **Roles:** `reviewer`, `admin`.
         *
         *     Cases in the review queue, oldest first (PENDING by default), with each case’s age, outcome and finding codes, filterable by program and region; a token’s region limits them. The read is audited.
         */
        get: operations["Review_list"];
        put?: never;
        /**
         * Pull a determined application into the queue
         * @description **Roles:** `reviewer`, `admin`.
         *
         *     Puts an application determined ELIGIBLE or INELIGIBLE, and not decided by a reviewer, into the review queue (after an objection, say), with the reason. A decided case comes back to the queue only when a re-verification disagrees with its decision. Refusals are audit events (outcome CONFLICT).
         */
        post: operations["Review_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{applicationId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a case
         * @description **Roles:** `reviewer`, `admin`.
         *
         *     The caller takes the case for REVIEW_CLAIM_MINUTES; a decision needs such a live claim of the decider’s own. Claiming again renews one’s own claim. A refused claim is an audit event (outcome CONFLICT).
         */
        post: operations["Review_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{applicationId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a case
         * @description **Roles:** `reviewer`, `admin`.
         *
         *     Records the decision beside the determination it settles, never over it; the application becomes DECIDED and the decision is the one in force (earlier decisions stay on record). The caller must hold a live claim of its own (claim first; claim again once it has expired). A case whose verification failed (origin PROCESSING_FAILED) cannot be decided: send it back with reverify. A refused decision is an audit event (outcome CONFLICT).
         */
        post: operations["Review_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{applicationId}/reverify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a case back for re-verification
         * @description **Roles:** `reviewer`, `admin`.
         *
         *     Instead of deciding: queues a fresh verification under the policy in force today and takes the case out of the queue. The only way out for a case whose verification failed. A reviewer may also re-verify a case a reviewer has decided (unless it submitted it): the decision stays in force, and a new determination that disagrees with it puts the case back in the queue.
         */
        post: operations["Review_reverify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s session
         * @description **Roles:** `intake`, `reviewer`, `auditor`, `admin`.
         *
         *     The token’s `sub`, `roles` and `region` (when it has one), as the service verified them. Nothing is read from the database and nothing is recorded.
         */
        get: operations["Session_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Application: {
            /** Format: date */
            applicationDate: string;
            /** @description One per registry. */
            checks: components["schemas"]["SourceCheck"][];
            /** Format: date-time */
            createdAt: string;
            /** @description The reviewer’s decision in force: the newest, whatever determinations came after it (one that disagrees sends the case back to the queue; the decision stays in force until a reviewer decides again). Null until a reviewer decides. */
            decision: components["schemas"]["Decision"] | null;
            /** @description Every reviewer’s decision, oldest first, each with the verification it was made on; none is ever removed. */
            decisions: components["schemas"]["DecisionOnRecord"][];
            /** @description The newest determination; null until one is made. It is current when its verificationId is the application’s. */
            determination: components["schemas"]["Determination"] | null;
            /** Format: uuid */
            id: string;
            /** @description As submitted; `declaredMonthlyIncome` in yuan. */
            members: components["schemas"]["Member"][];
            program: components["schemas"]["Program"];
            /** @example 542523 */
            regionCode: string;
            /** @description RECEIVED → VERIFYING → DETERMINED (ELIGIBLE or INELIGIBLE) or IN_REVIEW (NEEDS_REVIEW) → DECIDED. */
            status: components["schemas"]["ApplicationStatus"];
            /** @description The intake staff member (a token’s `sub`). */
            submittedBy: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: uuid
             * @description The current verification.
             */
            verificationId: string | null;
        };
        ApplicationAccepted: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "RECEIVED";
        };
        ApplicationPage: {
            /** @description Newest first. */
            items: components["schemas"]["ApplicationSummary"][];
            /** @description The cursor of the next page; null on the last page. */
            nextCursor: string | null;
        };
        ApplicationRequest: {
            /**
             * Format: date
             * @description When the household applied at the township (YYYY-MM-DD); not in the future; defaults to today (Asia/Shanghai). It picks the policy version.
             * @example 2026-11-16
             */
            applicationDate?: string;
            /** @description The household as declared: 1 to 30 members, exactly one HEAD. */
            members: components["schemas"]["Member"][];
            program: components["schemas"]["Program"];
            /**
             * @description County code (GB/T 2260).
             * @example 542523
             */
            regionCode: string;
        };
        /** @enum {string} */
        ApplicationStatus: "RECEIVED" | "VERIFYING" | "DETERMINED" | "IN_REVIEW" | "DECIDED";
        ApplicationSummary: {
            /** Format: date */
            applicationDate: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            program: components["schemas"]["Program"];
            /** @example 542523 */
            regionCode: string;
            /** @description RECEIVED → VERIFYING → DETERMINED (ELIGIBLE or INELIGIBLE) or IN_REVIEW (NEEDS_REVIEW) → DECIDED. */
            status: components["schemas"]["ApplicationStatus"];
            /** @description The intake staff member (a token’s `sub`). */
            submittedBy: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @enum {string} */
        AuditAction: "APPLICATION_SUBMITTED" | "APPLICATION_READ" | "APPLICATIONS_LISTED" | "ID_NUMBER_REVEALED" | "VERIFICATION_REQUESTED" | "REGISTRY_CONSULTED" | "DETERMINATION_MADE" | "VERIFICATION_FAILED" | "REVIEWS_LISTED" | "REVIEW_REQUESTED" | "REVIEW_CLAIMED" | "DECISION_RECORDED" | "REVIEW_RETURNED" | "REVERIFICATION_RUN_STARTED" | "REVERIFICATION_RUN_SELECTED" | "REVERIFICATION_RUN_READ" | "AUDIT_READ" | "SESSION_READ" | "REQUEST_REFUSED";
        AuditChainBroken: {
            /** @description The checkpoint given. */
            checkpoint?: components["schemas"]["AuditCheckpointPayload"];
            /** @description The first event missing, changed or out of order; for a checkpoint the log no longer holds, the checkpoint’s sequence (or the first sequence past the log’s end). */
            firstBadSequence: number;
            /** @description Whether the walk started at the first event. */
            full: boolean;
            /**
             * @description SEQUENCE_GAP: an event removed or reordered; LINK_BROKEN: an event that does not link to the one before; HASH_MISMATCH: an event whose content no longer matches its hash; CHECKPOINT_MISMATCH: the log holds another event where a signed checkpoint (given, or the newest stored) says (rewritten and re-sealed, or rebuilt); CHECKPOINT_NOT_REACHED: the log ends before a signed checkpoint (its tail cut); VERIFIED_POINT_CHANGED: the event where the last verification stopped changed (run full=true); STORED_CHECKPOINT_INVALID: the newest checkpoint in the database was not signed by a key of this log (forged, or an old key left out of AUDIT_PUBLIC_KEYS).
             * @enum {string}
             */
            reason: "SEQUENCE_GAP" | "LINK_BROKEN" | "HASH_MISMATCH" | "CHECKPOINT_MISMATCH" | "CHECKPOINT_NOT_REACHED" | "VERIFIED_POINT_CHANGED" | "STORED_CHECKPOINT_INVALID";
            /** @enum {boolean} */
            valid: false;
        };
        AuditChainValid: {
            /** @description Events hashed by this verification. */
            checked: number;
            /** @description The checkpoint given, which the log still holds. */
            checkpoint?: components["schemas"]["AuditCheckpointPayload"];
            /** @description Events the log holds, all verified (the last one’s sequence). */
            events: number;
            /** @description Whether the walk started at the first event (full=true, a checkpoint, or no earlier verification). */
            full: boolean;
            /** @enum {boolean} */
            valid: true;
            /** @description The sequence the walk started after: where the previous verification stopped (0 for a whole walk). */
            verifiedFrom: number;
        };
        AuditCheckpoint: {
            /** @description The checkpoint as a compact JWS (EdDSA, Ed25519; header `typ` hedui-audit-checkpoint and `kid`): what to keep, and to pass to verify. */
            checkpoint: string;
            /** @description The signing key’s id: its RFC 7638 thumbprint, as listed by GET /v1/audit-events/keys. */
            kid: string;
            /** @description The JWS payload, decoded. */
            payload: components["schemas"]["AuditCheckpointPayload"];
        };
        AuditCheckpointPayload: {
            /**
             * Format: date-time
             * @description When it was signed.
             */
            at: string;
            /** @description The hash of event `sequence` (64 zeros for an empty log). */
            hash: string;
            /** @description The log’s name (AUDIT_LOG_ORIGIN), so that a checkpoint of one deployment never passes for another’s. */
            origin: string;
            /** @description Events in the log when it was signed (0 while it was empty). */
            sequence: number;
        };
        AuditEvent: {
            action: components["schemas"]["AuditAction"];
            /** @description The token’s `sub`, or `system` for the service’s own workers. */
            actor: string;
            /**
             * Format: uuid
             * @description Null for an action on no one application (a list).
             */
            applicationId: string | null;
            /**
             * Format: date-time
             * @description When the action happened. Events of concurrent writers may be sealed a few milliseconds out of this order.
             */
            at: string;
            /** @description The X-Correlation-Id of the request (or of the request that queued the job). */
            correlationId: string;
            /** @description SHA-256 over this event’s fields and previousHash. */
            hash: string;
            /** @description SUCCEEDED, NOT_FOUND, DENIED (a refused request: 403), CONFLICT (a refused request: 409), or the action’s own result (an outcome, a registry’s status, a policy version; for AUDIT_READ the filters used, as canonical JSON). */
            outcome: string;
            /** @description The previous event’s hash (64 zeros before the first). */
            previousHash: string;
            /** @enum {string} */
            role: "intake" | "reviewer" | "auditor" | "admin" | "system";
            /** @description 1, 2, 3, … without gaps: the order in which events were sealed. */
            sequence: number;
        };
        AuditEventPage: {
            /** @description Oldest first. */
            items: components["schemas"]["AuditEvent"][];
            /** @description The cursor of the next page; null on the last page. */
            nextCursor: string | null;
        };
        AuditKeySet: {
            /** @description The current signing key first, then earlier ones (AUDIT_PUBLIC_KEYS). */
            keys: components["schemas"]["AuditPublicKey"][];
        };
        AuditPublicKey: {
            /** @enum {string} */
            alg: "EdDSA";
            /** @enum {string} */
            crv: "Ed25519";
            /** @description The key’s RFC 7638 thumbprint, as in a checkpoint’s header. */
            kid: string;
            /** @enum {string} */
            kty: "OKP";
            /** @enum {string} */
            use: "sig";
            /** @description The public key, base64url. */
            x: string;
        };
        Claim: {
            /** Format: uuid */
            applicationId: string;
            /** @description The caller (its token’s `sub`). */
            claimedBy: string;
            /**
             * Format: date-time
             * @description Until when the claim holds (REVIEW_CLAIM_MINUTES).
             */
            claimExpiresAt: string;
        };
        Consent: {
            /**
             * @description The reference of the signed verification authorisation (核对授权书); printable ASCII, no spaces.
             * @example AUTH-2026-900001
             */
            documentRef: string;
            /**
             * @description Signed by the member, or by a guardian for a minor or an incapacitated member.
             * @enum {string}
             */
            signedBy: "SELF" | "GUARDIAN";
            /**
             * Format: date
             * @description When it was signed (YYYY-MM-DD); not after today.
             * @example 2026-11-16
             */
            signedOn: string;
        };
        Decision: {
            /** Format: date-time */
            decidedAt: string;
            /**
             * @description The reviewer (a token’s `sub`).
             * @example bob
             */
            decidedBy: string;
            decision: components["schemas"]["DecisionValue"];
            /** @example Household visited; the business was closed in 2024. */
            reason: string;
        };
        DecisionOnRecord: {
            /** Format: date-time */
            decidedAt: string;
            /**
             * @description The reviewer (a token’s `sub`).
             * @example bob
             */
            decidedBy: string;
            decision: components["schemas"]["DecisionValue"];
            /**
             * Format: uuid
             * @description That determination.
             */
            determinationId: string;
            /** @example Household visited; the business was closed in 2024. */
            reason: string;
            /**
             * Format: uuid
             * @description The verification whose determination the decision settled.
             */
            verificationId: string;
        };
        DecisionRequest: {
            decision: components["schemas"]["DecisionValue"];
            /**
             * @description Why, in at least a short sentence (measured without surrounding blanks): what the household and an auditor will read.
             * @example Household visited; the business was closed in 2024.
             */
            reason: string;
        };
        /** @enum {string} */
        DecisionValue: "APPROVED" | "REJECTED";
        DependencyCheck: {
            /**
             * @description Registries: the circuit breaker, or `sandbox` where the built-in registry answers. An open circuit does not make the service unready.
             * @enum {string}
             */
            circuit?: "closed" | "open" | "halfOpen" | "sandbox";
            /**
             * @description A down dependency: `unreachable`, or the timeout it ran into.
             * @example unreachable
             */
            message?: string;
            /** @description Database and Redis: milliseconds the ping took. */
            responseTime?: number;
            /** @enum {string} */
            status: "up" | "down";
        };
        Determination: {
            /** Format: date-time */
            determinedAt: string;
            facts: components["schemas"]["HouseholdFacts"];
            /** @description In the order POLICY.md lists them: by code, then by identity number, none first. */
            findings: components["schemas"]["Finding"][];
            outcome: components["schemas"]["Outcome"];
            /**
             * @description The policy version applied.
             * @example 5425@2023-01-01
             */
            policyVersion: string;
            /**
             * Format: uuid
             * @description The verification it settles; the application’s current one when it equals `verificationId` there.
             */
            verificationId: string;
        };
        Evidence: {
            /**
             * @description The registry record: householdNumber, idNumber, plateNumber or creditCode, as fits the source.
             * @example 藏F90004
             */
            recordKey: string;
            source: components["schemas"]["RegistrySource"];
        };
        FieldProblem: {
            /** @example members[1].idNumber must be a valid identity number (GB 11643) */
            message: string;
            /**
             * @description The field in the request body’s own terms (or the query parameter or header).
             * @example members[1].idNumber
             */
            path: string;
        };
        Finding: {
            code: components["schemas"]["FindingCode"];
            evidence: components["schemas"]["Evidence"][];
            /**
             * @description The figures the rule compared, for the reader to check.
             * @example {
             *       "countedVehicles": 1
             *     }
             */
            figures: {
                [key: string]: unknown;
            };
            /** @description The person the finding concerns (a declared member, or an undeclared household member); null for household- or registry-level findings. */
            memberIdNumber: string | null;
            /** @description A plain-language reason, without names or identity numbers. */
            reason: string;
            severity: components["schemas"]["Severity"];
            /** @description The registry a SOURCE_* finding concerns; null otherwise. */
            source: components["schemas"]["RegistrySource"] | null;
        };
        /** @enum {string} */
        FindingCode: "BUSINESS_ENTERPRISE_ROLE" | "BUSINESS_INDIVIDUAL_ACTIVE" | "HOUSEHOLD_MEMBERS_UNDECLARED" | "HOUSEHOLD_MEMBER_DECEASED" | "HOUSEHOLD_MEMBER_NOT_ACTIVE" | "HOUSEHOLD_MEMBER_NOT_FOUND" | "HOUSEHOLD_NAME_MISMATCH" | "HOUSEHOLD_OUTSIDE_REGION" | "HOUSEHOLD_RELATIONSHIP_MISMATCH" | "HOUSEHOLD_SPLIT" | "INCOME_ABOVE_STANDARD" | "SOURCE_INVALID_RESPONSE" | "SOURCE_UNAVAILABLE" | "VEHICLE_OWNED";
        HouseholdFacts: {
            declaredMembers: number;
            enterpriseCapitalAllowanceFen: number;
            enterpriseCapitalFen: number | null;
            householdMonthlyIncomeFen: number | null;
            householdSize: number | null;
            householdType: components["schemas"]["HouseholdType"] | null;
            monthlyStandardFen: number | null;
            perCapitaMonthlyIncomeFen: number | null;
            /**
             * @description Present (true) only when the built-in sandbox registry, synthetic data, answered for at least one registry: a training deployment (REGISTRY_SANDBOX=true) or development. Never on a determination made against the real registries.
             * @enum {boolean}
             */
            registrySandbox?: true;
        };
        /** @enum {string} */
        HouseholdType: "URBAN" | "RURAL";
        Liveness: {
            /** @enum {string} */
            status: "ok";
        };
        Member: {
            /** @description The signed verification authorisation that allows the registries to be consulted; required for every member. */
            consent: components["schemas"]["Consent"];
            /**
             * @description Declared monthly income in yuan, at most two decimals.
             * @example 1200
             */
            declaredMonthlyIncome: number;
            /**
             * @description Resident identity number (GB 11643): valid check character and birth date; a lower-case x is stored upper-case. Unique within the application.
             * @example 542523197804129012
             */
            idNumber: string;
            /**
             * @description The name as registered; no control characters.
             * @example 测试户主01
             */
            name: string;
            /** @description Relationship to the head of household; exactly one member is HEAD. */
            relationship: components["schemas"]["Relationship"];
        };
        /** @enum {string} */
        Outcome: "ELIGIBLE" | "INELIGIBLE" | "NEEDS_REVIEW";
        ProblemDetails: {
            /**
             * @description What went wrong, for a person to read; never personal data.
             * @example The request body is not valid; see errors.
             */
            detail: string;
            /** @description Validation errors only: one entry per problem. */
            errors?: components["schemas"]["FieldProblem"][];
            /** @description The request path, on a request turned away during shutdown. */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Bad request */
            title: string;
            /**
             * Format: uri
             * @example https://hedui.invalid/problems/bad-request
             */
            type: string;
        };
        /** @enum {string} */
        Program: "MINIMUM_LIVING_ALLOWANCE" | "EXTREME_POVERTY_SUPPORT" | "TEMPORARY_ASSISTANCE";
        Readiness: {
            checks: components["schemas"]["ReadinessChecks"];
            /** @description Whether the built-in sandbox registry (synthetic data) answers for at least one registry instead of the real one: development, test, or a training deployment started with REGISTRY_SANDBOX=true. Each such registry’s `circuit` reads `sandbox`, and every determination made on its answers carries `facts.registrySandbox: true`. */
            registrySandbox: boolean;
            /** @enum {string} */
            status: "ok";
        };
        ReadinessChecks: {
            businessRegistry: components["schemas"]["DependencyCheck"];
            database: components["schemas"]["DependencyCheck"];
            householdRegistry: components["schemas"]["DependencyCheck"];
            redis: components["schemas"]["DependencyCheck"];
            vehicleRegistry: components["schemas"]["DependencyCheck"];
        };
        ReadinessProblem: {
            checks?: components["schemas"]["ReadinessChecks"];
            /**
             * @description What went wrong, for a person to read; never personal data.
             * @example The request body is not valid; see errors.
             */
            detail: string;
            /** @description Validation errors only: one entry per problem. */
            errors?: components["schemas"]["FieldProblem"][];
            /** @description The request path, on a request turned away during shutdown. */
            instance?: string;
            /** @description Whether the built-in sandbox registry (synthetic data) answers for at least one registry instead of the real one: development, test, or a training deployment started with REGISTRY_SANDBOX=true. Each such registry’s `circuit` reads `sandbox`, and every determination made on its answers carries `facts.registrySandbox: true`. */
            registrySandbox?: boolean;
            /** @example 400 */
            status: number;
            /** @example Bad request */
            title: string;
            /**
             * Format: uri
             * @example https://hedui.invalid/problems/bad-request
             */
            type: string;
        };
        /** @enum {string} */
        RegistrySource: "HOUSEHOLD_REGISTRATION" | "VEHICLE_REGISTRATION" | "BUSINESS_REGISTRATION";
        /**
         * @description Relationship to the head of household; exactly one member is HEAD.
         * @enum {string}
         */
        Relationship: "HEAD" | "SPOUSE" | "CHILD" | "PARENT" | "GRANDPARENT" | "GRANDCHILD" | "SIBLING" | "CHILD_IN_LAW" | "OTHER";
        RevealedIdNumber: {
            /** @example 542523198001010012 */
            idNumber: string;
        };
        ReverificationAccepted: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "RECEIVED";
            /**
             * Format: uuid
             * @description The new verification; its determination will carry this id.
             */
            verificationId: string;
        };
        ReverificationRun: {
            /** @description The households whose outcome changed, by application id, a page at a time (`cursor`, `limit`). */
            changes: components["schemas"]["ReverificationRunChangePage"];
            /** Format: date-time */
            createdAt: string;
            /** @description Re-verified and determined ELIGIBLE or INELIGIBLE. */
            done: number;
            /** @description Re-verifications whose processing failed for good: in the review queue without a determination. */
            failed: number;
            /** Format: uuid */
            id: string;
            /** @description Re-verified and determined NEEDS_REVIEW: in the review queue. */
            inReview: number;
            /** @description Queued, not determined yet. */
            pending: number;
            program: components["schemas"]["Program"];
            /** @description The region it covers; null for a scheduled run, which covers every region. */
            regionCode: string | null;
            /** @description The staff member who asked for it (`sub`), or `system` for a scheduled run. */
            requestedBy: string;
            /**
             * Format: date-time
             * @description When the last household was selected and queued.
             */
            selectedAt: string | null;
            /** @description Left alone: already being verified, or waiting for a reviewer, when the run came to them. */
            skipped: number;
            /**
             * @description SELECTING: households are still being selected and queued; VERIFYING: all are queued, some not determined yet; COMPLETED: none pending.
             * @enum {string}
             */
            status: "SELECTING" | "VERIFYING" | "COMPLETED";
            /** @description Enrolled households the run took up so far. */
            total: number;
            /**
             * @description REQUEST: every enrolled household of the region; SCHEDULE: only those due under their policy’s interval.
             * @enum {string}
             */
            trigger: "REQUEST" | "SCHEDULE";
        };
        ReverificationRunAccepted: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "SELECTING";
        };
        ReverificationRunChange: {
            /** Format: uuid */
            applicationId: string;
            /** Format: date-time */
            determinedAt: string;
            /** @description The outcome of the run’s re-verification. */
            newOutcome: components["schemas"]["Outcome"];
            /**
             * @description APPROVED when a reviewer’s decision enrolled it (after NEEDS_REVIEW, say); null when the determination did.
             * @enum {string|null}
             */
            previousDecision: "APPROVED" | null;
            /** @description The outcome of the determination the household was enrolled on. */
            previousOutcome: components["schemas"]["Outcome"];
        };
        ReverificationRunChangePage: {
            items: components["schemas"]["ReverificationRunChange"][];
            /** @description The cursor of the next page; null on the last page. */
            nextCursor: string | null;
        };
        ReverificationRunConflict: {
            /**
             * @description What went wrong, for a person to read; never personal data.
             * @example The request body is not valid; see errors.
             */
            detail: string;
            /** @description Validation errors only: one entry per problem. */
            errors?: components["schemas"]["FieldProblem"][];
            /** @description The request path, on a request turned away during shutdown. */
            instance?: string;
            /**
             * Format: uuid
             * @description The run still under way (`GET /v1/reverification-runs/{runId}`).
             */
            runId: string;
            /** @example 400 */
            status: number;
            /** @example Bad request */
            title: string;
            /**
             * Format: uri
             * @example https://hedui.invalid/problems/bad-request
             */
            type: string;
        };
        ReverificationRunRequest: {
            /** @example MINIMUM_LIVING_ALLOWANCE */
            program: components["schemas"]["Program"];
            /**
             * @description The region whose enrolled households are re-verified: a county code exactly, a prefecture or province code by prefix.
             * @example 542523
             */
            regionCode: string;
        };
        ReviewItem: {
            /** @description Seconds since it was queued. */
            ageSeconds: number;
            /** Format: uuid */
            applicationId: string;
            applicationStatus: components["schemas"]["ApplicationStatus"];
            /** @description Who holds the claim while it holds; null otherwise. */
            claimedBy: string | null;
            /** Format: date-time */
            claimExpiresAt: string | null;
            /** @description The determination’s finding codes, each once. */
            findingCodes: components["schemas"]["FindingCode"][];
            /**
             * @description DETERMINATION: the outcome was NEEDS_REVIEW; REQUESTED: a reviewer pulled a determined case in; PROCESSING_FAILED: the verification failed for good and there is no outcome (send it back with reverify); DECISION_CONTRADICTED: a re-verification came out against the decision in force (ELIGIBLE against REJECTED, INELIGIBLE against APPROVED), which stays in force until a reviewer decides again.
             * @enum {string}
             */
            origin: "DETERMINATION" | "REQUESTED" | "PROCESSING_FAILED" | "DECISION_CONTRADICTED";
            outcome: components["schemas"]["Outcome"] | null;
            program: components["schemas"]["Program"];
            /** Format: date-time */
            queuedAt: string;
            /** @example 542521 */
            regionCode: string;
            /** @description Why it was pulled in (REQUESTED), or what failed (PROCESSING_FAILED). */
            requestReason: string | null;
            reviewStatus: components["schemas"]["ReviewStatus"];
        };
        ReviewPage: {
            /** @description Oldest first. */
            items: components["schemas"]["ReviewItem"][];
            /** @description The cursor of the next page; null on the last page. */
            nextCursor: string | null;
        };
        ReviewRequest: {
            /**
             * Format: uuid
             * @description An application determined ELIGIBLE or INELIGIBLE, not in review.
             */
            applicationId: string;
            /**
             * @description Why the case is pulled back for a reviewer (an objection by the household, say); measured without surrounding blanks.
             * @example The household objected: the car was sold in 2025.
             */
            reason: string;
        };
        ReviewRequested: {
            /** Format: uuid */
            applicationId: string;
            /** Format: date-time */
            queuedAt: string;
            /** @enum {string} */
            status: "PENDING";
        };
        /** @enum {string} */
        ReviewStatus: "PENDING" | "DECIDED" | "RETURNED";
        /**
         * @description The token’s roles.
         * @enum {string}
         */
        Role: "intake" | "reviewer" | "auditor" | "admin";
        Session: {
            /**
             * @description The token’s `region` claim, where it has one: every read and change is limited to it. Absent: everywhere.
             * @example 542500
             */
            region?: string;
            /** @description The token’s roles. */
            roles: components["schemas"]["Role"][];
            /**
             * @description The staff member (the token’s `sub`).
             * @example bob
             */
            sub: string;
        };
        /** @enum {string} */
        Severity: "DISQUALIFYING" | "REVIEW" | "INFO";
        SourceCheck: {
            /** @description SHA-256 (hex) of the normalised answer. */
            answerSha256: string | null;
            /** @description Calls made, the first included. */
            attempts: number;
            durationMs: number | null;
            /**
             * @description Why a FAILED check has no usable answer.
             * @enum {string|null}
             */
            failure: "UNAVAILABLE" | "INVALID_RESPONSE" | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description The X-Request-Id of every call made. */
            requestIds: string[];
            source: components["schemas"]["RegistrySource"];
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "PENDING" | "SUCCEEDED" | "FAILED";
        };
    };
    responses: never;
    parameters: {
        /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
        CorrelationId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The correlation id of the request: the one sent, or a new UUID. */
        CorrelationId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Health_live_1: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: the database and Redis answered. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "registrySandbox": true,
                     *       "checks": {
                     *         "database": {
                     *           "status": "up",
                     *           "responseTime": 1
                     *         },
                     *         "redis": {
                     *           "status": "up",
                     *           "responseTime": 2
                     *         },
                     *         "householdRegistry": {
                     *           "status": "up",
                     *           "circuit": "closed"
                     *         },
                     *         "vehicleRegistry": {
                     *           "status": "up",
                     *           "circuit": "open"
                     *         },
                     *         "businessRegistry": {
                     *           "status": "up",
                     *           "circuit": "sandbox"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not ready: the database or Redis is down (each down dependency with a `message`), or the process is shutting down. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registrySandbox": true,
                     *       "checks": {
                     *         "database": {
                     *           "status": "down",
                     *           "message": "unreachable"
                     *         },
                     *         "redis": {
                     *           "status": "up",
                     *           "responseTime": 2
                     *         },
                     *         "householdRegistry": {
                     *           "status": "up",
                     *           "circuit": "closed"
                     *         },
                     *         "vehicleRegistry": {
                     *           "status": "up",
                     *           "circuit": "open"
                     *         },
                     *         "businessRegistry": {
                     *           "status": "up",
                     *           "circuit": "sandbox"
                     *         }
                     *       },
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "Not ready: database is down."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ReadinessProblem"];
                };
            };
        };
    };
    Metrics_scrape: {
        parameters: {
            query?: never;
            header: {
                authorization: string;
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The exposition. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # HELP hedui_determinations_total Determinations stored, by outcome and programme.
                     *     # TYPE hedui_determinations_total counter
                     *     hedui_determinations_total{outcome="ELIGIBLE",program="MINIMUM_LIVING_ALLOWANCE"} 42
                     */
                    "text/plain; version=0.0.4; charset=utf-8": string;
                };
            };
            /** @description METRICS_TOKEN is set and the request does not carry it as a bearer token. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "GET /metrics needs Authorization: Bearer with the metrics token (METRICS_TOKEN)."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Applications_list: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; opaque. */
                cursor?: string;
                /** @description Items per page. */
                limit?: number;
                program?: components["schemas"]["Program"];
                /** @description A county code, or a prefecture or province code covering its counties (542500, 540000). */
                regionCode?: string;
                status?: components["schemas"]["ApplicationStatus"];
            };
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of applications. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            /** @description A query parameter is not valid, or the cursor is not one this service gave out. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "limit",
                     *           "message": "limit must not be greater than 100"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (intake, reviewer, auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Applications_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1 to 200 printable ASCII characters, per submitting staff member. A repeat with the same body answers as the first time and creates nothing; with another body, 422. */
                "Idempotency-Key"?: string;
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationRequest"];
            };
        };
        responses: {
            /** @description Accepted; the verification runs in the background. */
            202: {
                headers: {
                    /** @description The application: `/v1/applications/{id}`. */
                    Location?: string;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f1621d8-8240-4d08-924b-7131234024f3",
                     *       "status": "RECEIVED"
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationAccepted"];
                };
            };
            /** @description The body (or the Idempotency-Key header) is not valid; `errors` names each field, in the body’s own terms. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "members",
                     *           "message": "members must have exactly one HEAD; found 2"
                     *         },
                     *         {
                     *           "path": "members[1].idNumber",
                     *           "message": "members[1].idNumber is not a valid resident identity number: the check character is wrong"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (intake, admin), or its `region` does not cover `regionCode`: a token’s region holds for submissions as for reads, an Idempotency-Key repeat included. Nothing is stored. */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The application’s region lies outside the region of the token.",
                     *       "errors": [
                     *         {
                     *           "path": "regionCode",
                     *           "message": "regionCode 542523 is not within the token's region 542521"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than 1 MiB."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is not JSON (`Content-Type: application/json`). */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The request body must be application/json."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No policy version covers the region on the application date, or the Idempotency-Key was already used with another body. */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unprocessable",
                     *       "title": "Unprocessable request",
                     *       "status": 422,
                     *       "detail": "No policy version covers this region on the application date."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Applications_get: {
        parameters: {
            query?: {
                /** @description `masked`: every identity number (members’, findings’ `memberIdNumber`, evidence keyed by one) shows only its last four characters, the rest `*`; one is revealed by `GET /v1/applications/{id}/members/{memberIndex}/id-number`. `full` (the default): as stored. */
                idNumbers?: "full" | "masked";
            };
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description A query parameter is not valid. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "idNumbers",
                     *           "message": "idNumbers must be one of the following values: full, masked"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (intake, reviewer, auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the caller’s reach (another intake’s submission, another region): the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Applications_revealIdNumber: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The application. */
                id: string;
                /** @description The member’s place in `members`, from 0. */
                memberIndex: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member’s identity number. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "idNumber": "542523197804129012"
                     *     }
                     */
                    "application/json": components["schemas"]["RevealedIdNumber"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (intake, reviewer, auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the caller’s reach (another intake’s submission, another region): the two are not told apart. Also when the application has no member at that place. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Applications_reverify: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; the new verification runs in the background. */
            202: {
                headers: {
                    /** @description The application: `/v1/applications/{id}`. */
                    Location?: string;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReverificationAccepted"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (intake, reviewer, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the caller’s reach (another intake’s submission, another region): the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A reviewer’s decision stands and the caller is intake staff (or the submitter), a verification of this application is already under way, or another reviewer holds the claim on it. */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A reviewer’s decision stands on this application: only a reviewer of its region or an admin, other than its submitter, may ask for a re-verification."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No policy version covers the application’s region today. */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unprocessable",
                     *       "title": "Unprocessable request",
                     *       "status": 422,
                     *       "detail": "No policy version covers region 542523 on 2026-11-28."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Audit_list: {
        parameters: {
            query?: {
                action?: components["schemas"]["AuditAction"];
                /** @description The acting staff member (a token’s `sub`), or `system`. */
                actor?: string;
                applicationId?: string;
                /** @description The `nextCursor` of the previous page; opaque. */
                cursor?: string;
                /** @description From this instant (inclusive). An RFC 3339 date-time with a UTC offset, `Z` or ±hh:mm (`2026-11-28T10:00:00Z`, `2026-11-28T18:00:00.250+08:00`): seconds required, at most nine fraction digits, no leap second. Other ISO 8601 forms (a date alone, a week date, no offset) are refused with 400 naming the parameter. */
                from?: string;
                /** @description Items per page. */
                limit?: number;
                /** @description Up to this instant (exclusive). An RFC 3339 date-time with a UTC offset, `Z` or ±hh:mm (`2026-11-28T10:00:00Z`, `2026-11-28T18:00:00.250+08:00`): seconds required, at most nine fraction digits, no leap second. Other ISO 8601 forms (a date alone, a week date, no offset) are refused with 400 naming the parameter. */
                to?: string;
            };
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description A query parameter is not valid, or the cursor is not one this service gave out. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "from",
                     *           "message": "from must be an RFC 3339 date-time with a UTC offset, such as 2026-11-28T10:00:00Z or 2026-11-28T18:00:00+08:00"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Audit_checkpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JWS, its key id and its decoded payload. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No checkpoint has been signed yet (a service that has just started for the first time). */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "A signed checkpoint was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Audit_keys: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public keys, each under its `kid`. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditKeySet"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Audit_verify: {
        parameters: {
            query?: {
                /** @description A signed checkpoint (the compact JWS of GET /v1/audit-events/checkpoint) kept outside the deployment: the log must still hold exactly the prefix it names. Walks the whole chain. */
                checkpoint?: string;
                /** @description true: walk the whole chain from the first event. Otherwise only the events sealed since the last verification are walked (and the event it stopped at is checked). */
                full?: "true" | "false";
            };
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The verdict: valid with the number of events, or the first bad sequence and why. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainValid"] | components["schemas"]["AuditChainBroken"];
                };
            };
            /** @description The checkpoint is not a compact JWS, its signature does not verify with any key of GET /v1/audit-events/keys (or its kid is unknown), or it names another log. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "checkpoint",
                     *           "message": "checkpoint is not a signed checkpoint of this log: its signature does not verify"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A whole verification (full=true, or against a checkpoint) is already running in some process. */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A whole verification of the audit log is already running; try again once it has finished."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Reverification_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReverificationRunRequest"];
            };
        };
        responses: {
            /** @description Accepted; the run selects and queues its households in the background. */
            202: {
                headers: {
                    /** @description The run: `/v1/reverification-runs/{id}`. */
                    Location?: string;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f0c2a7e-5b8d-4e1a-9c6f-0d2b4a6e8c10",
                     *       "status": "SELECTING"
                     *     }
                     */
                    "application/json": components["schemas"]["ReverificationRunAccepted"];
                };
            };
            /** @description The body is not valid; `errors` names each field. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "regionCode",
                     *           "message": "regionCode must be a 6-digit region code"
                     *         },
                     *         {
                     *           "path": "program",
                     *           "message": "program must be one of the following values: MINIMUM_LIVING_ALLOWANCE, EXTREME_POVERTY_SUPPORT, TEMPORARY_ASSISTANCE"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here, or the region lies outside the region of the token (`errors` names `regionCode`). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The region lies outside the region of the token.",
                     *       "errors": [
                     *         {
                     *           "path": "regionCode",
                     *           "message": "regionCode 542600 is not within the token's region 542500"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A run of this programme and region has not completed yet (`runId` names it); decided by the database, so of concurrent requests exactly one starts a run. The refusal is an audit event (outcome CONFLICT). */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "runId": "3f0c2a7e-5b8d-4e1a-9c6f-0d2b4a6e8c10",
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "A re-verification run of MINIMUM_LIVING_ALLOWANCE in 542523 is still under way: 3f0c2a7e-5b8d-4e1a-9c6f-0d2b4a6e8c10. Start another once it has completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ReverificationRunConflict"];
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than 1 MiB."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is not JSON (`Content-Type: application/json`). */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The request body must be application/json."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Reverification_get: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; opaque. */
                cursor?: string;
                /** @description Items per page. */
                limit?: number;
            };
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The run. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReverificationRun"];
                };
            };
            /** @description A query parameter is not valid, or the cursor is not one this service gave out. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "limit",
                     *           "message": "limit must not be greater than 100"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (reviewer, auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such run, or one outside the caller’s region (a scheduled run covers every region: only a token without a region reaches it); the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The re-verification run was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Review_list: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; opaque. */
                cursor?: string;
                /** @description Items per page. */
                limit?: number;
                program?: components["schemas"]["Program"];
                /** @description A county code, or a prefecture or province code covering its counties. */
                regionCode?: string;
                status?: components["schemas"]["ReviewStatus"];
            };
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPage"];
                };
            };
            /** @description A query parameter is not valid, or the cursor is not one this service gave out. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "status",
                     *           "message": "status must be one of the following values: PENDING, DECIDED, RETURNED"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (reviewer, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Review_request: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRequest"];
            };
        };
        responses: {
            /** @description Queued. */
            201: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewRequested"];
                };
            };
            /** @description The body is not valid; `errors` names each field. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "reason",
                     *           "message": "reason must be longer than or equal to 10 characters"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (reviewer, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the reviewer’s region: the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The application is not determined ELIGIBLE or INELIGIBLE (a reviewer decided it, say), or it is already in review. */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Only an application determined ELIGIBLE or INELIGIBLE, and not yet in review, can be pulled into the queue."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than 1 MiB."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is not JSON (`Content-Type: application/json`). */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The request body must be application/json."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Review_claim: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The application under review. */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claimed by the caller. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Claim"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (reviewer, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the reviewer’s region: the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The case is not waiting for review, another reviewer holds the claim, or whoever submitted the application may not review it. */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Another reviewer holds the claim on this application."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Review_decide: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The application under review. */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionRequest"];
            };
        };
        responses: {
            /** @description The decision as recorded. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            /** @description The body is not valid; `errors` names each field. */
            400: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/bad-request",
                     *       "title": "Bad request",
                     *       "status": 400,
                     *       "detail": "The request body is not valid; see errors.",
                     *       "errors": [
                     *         {
                     *           "path": "reason",
                     *           "message": "reason must be longer than or equal to 10 characters"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (reviewer, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the reviewer’s region: the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The caller holds no live claim on the case (none, or it expired), another reviewer holds the claim, the case is not waiting for a decision (decided already, say), it has no determination, or whoever submitted the application may not review it. The detail says which, for the review console to show. */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Claim this application before deciding it: a decision needs a live claim of your own (POST /v1/reviews/{id}/claim)."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/payload-too-large",
                     *       "title": "Payload too large",
                     *       "status": 413,
                     *       "detail": "The request body is larger than 1 MiB."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The request body is not JSON (`Content-Type: application/json`). */
            415: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unsupported-media-type",
                     *       "title": "Unsupported media type",
                     *       "status": 415,
                     *       "detail": "The request body must be application/json."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Review_reverify: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path: {
                /** @description The application under review. */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued; the case left the review queue. */
            202: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReverificationAccepted"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (reviewer, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such application, or one outside the reviewer’s region: the two are not told apart. */
            404: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/not-found",
                     *       "title": "Not found",
                     *       "status": 404,
                     *       "detail": "The application was not found."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description A verification of this application is already under way, another reviewer holds the claim on it, or the caller submitted this decided application. */
            409: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/conflict",
                     *       "title": "Conflict",
                     *       "status": 409,
                     *       "detail": "Another reviewer holds the claim on this application."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No policy version covers the application’s region today. */
            422: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unprocessable",
                     *       "title": "Unprocessable request",
                     *       "status": 422,
                     *       "detail": "No policy version covers region 542523 on 2026-11-28."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    Session_session: {
        parameters: {
            query?: never;
            header?: {
                /** @description A UUID to trace the request by (logs, jobs, audit events); anything else is replaced by a new one. */
                "X-Correlation-Id"?: components["parameters"]["CorrelationId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who the token names. */
            200: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description No bearer token, or one that is malformed, badly signed or expired. */
            401: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unauthenticated",
                     *       "title": "Authentication required",
                     *       "status": 401,
                     *       "detail": "An Authorization: Bearer token is required."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The token carries none of the roles admitted here (intake, reviewer, auditor, admin). */
            403: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "The token does not carry a role allowed here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests from this caller; wait as `Retry-After` says. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/too-many-requests",
                     *       "title": "Too many requests",
                     *       "status": 429,
                     *       "detail": "Too many requests: at most 600 every 60 s; retry after 12 s."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description An unexpected error; its cause is logged, never shown. */
            500: {
                headers: {
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/internal",
                     *       "title": "Internal error",
                     *       "status": 500,
                     *       "detail": "The request could not be completed."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The database is unavailable, or the process is shutting down (`Retry-After`). */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again, when the service can tell. */
                    "Retry-After"?: number;
                    "X-Correlation-Id": components["headers"]["CorrelationId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://hedui.invalid/problems/unavailable",
                     *       "title": "Service unavailable",
                     *       "status": 503,
                     *       "detail": "The database is unavailable; try again shortly."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
