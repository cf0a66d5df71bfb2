-- Schema 1: the whole ledger. Money in integer fen, ratios in basis points, dates ISO text.
-- Every business table carries id, uuid (stable across offices), created_at, updated_at,
-- revision (bumped on every update, for exchange conflict detection) and origin_office.
-- Audit triggers are generated in Python (ledger/store/audit.py) for every business table.

CREATE TABLE app_setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('经办人', '审核人', '财务', '管理员', '只读')),
    password_hash TEXT NOT NULL DEFAULT '',
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE programme (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    region_code TEXT NOT NULL DEFAULT '',
    budget_fen INTEGER NOT NULL DEFAULT 0 CHECK (budget_fen >= 0),
    rules_toml TEXT NOT NULL DEFAULT '',
    call_start TEXT,
    call_end TEXT,
    status TEXT NOT NULL DEFAULT '开放' CHECK (status IN ('草稿', '开放', '截止', '已结转')),
    closed_at TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT '',
    UNIQUE (name, year)
) STRICT;

CREATE TABLE enterprise (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    uscc TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
    uscc_override_reason TEXT NOT NULL DEFAULT '',
    district_code TEXT NOT NULL CHECK (length(district_code) = 6),
    industry TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    contact_person TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    bank_name TEXT NOT NULL DEFAULT '',
    bank_account TEXT NOT NULL DEFAULT '',
    blacklisted INTEGER NOT NULL DEFAULT 0 CHECK (blacklisted IN (0, 1)),
    blacklist_reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX enterprise_district ON enterprise (district_code);

CREATE TABLE ip_right (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    enterprise_id INTEGER NOT NULL REFERENCES enterprise (id),
    ip_type TEXT NOT NULL CHECK (ip_type IN ('发明专利', '实用新型', '外观设计', '商标', '著作权',
        '软件著作权', '地理标志', '植物新品种', '集成电路布图设计', '商业秘密')),
    number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
    nice_class INTEGER CHECK (nice_class IS NULL OR nice_class BETWEEN 1 AND 45),
    title TEXT NOT NULL DEFAULT '',
    owner_name TEXT NOT NULL DEFAULT '',
    filing_date TEXT,
    grant_date TEXT,
    expiry_date TEXT,
    status TEXT NOT NULL DEFAULT '有效' CHECK (status IN ('有效', '审查中', '失效', '无效宣告中', '已转让')),
    high_value INTEGER NOT NULL DEFAULT 0 CHECK (high_value IN (0, 1)),
    number_override_reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT '',
    UNIQUE (ip_type, number, nice_class)
) STRICT;
CREATE INDEX ip_right_enterprise ON ip_right (enterprise_id);

CREATE TABLE insurer (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    column_map TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(column_map)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE product (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    liability_class TEXT NOT NULL CHECK (liability_class IN ('补偿类', '责任类', '融资类')),
    subject TEXT NOT NULL DEFAULT '',
    ip_types TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ip_types)),
    function_class TEXT NOT NULL CHECK (function_class IN ('激励创新类', '转化运用类', '风险保障类')),
    target_party TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    insurance_type TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sources)),
    user_defined INTEGER NOT NULL DEFAULT 0 CHECK (user_defined IN (0, 1)),
    catalogue_version TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE product_insurer (
    product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    insurer_id INTEGER NOT NULL REFERENCES insurer (id),
    PRIMARY KEY (product_id, insurer_id)
) STRICT;

CREATE TABLE policy (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    policy_no TEXT NOT NULL UNIQUE CHECK (length(policy_no) BETWEEN 1 AND 64),
    enterprise_id INTEGER NOT NULL REFERENCES enterprise (id),
    product_id INTEGER NOT NULL REFERENCES product (id),
    sum_insured_fen INTEGER NOT NULL CHECK (sum_insured_fen >= 0),
    premium_fen INTEGER NOT NULL CHECK (premium_fen >= 0),
    premium_paid_fen INTEGER NOT NULL DEFAULT 0 CHECK (premium_paid_fen >= 0),
    signed_date TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '生效' CHECK (status IN ('生效', '到期', '退保', '终止')),
    overseas INTEGER NOT NULL DEFAULT 0 CHECK (overseas IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT '',
    CHECK (end_date > start_date)
) STRICT;
CREATE INDEX policy_enterprise ON policy (enterprise_id);
CREATE INDEX policy_product ON policy (product_id);
CREATE INDEX policy_start ON policy (start_date);
CREATE INDEX policy_end ON policy (end_date);

-- Co-insurance pool (共保体): one row per insurer; shares sum to 10000 bp (checked by services
-- and by `ipdesk check`, not by a trigger, because the rows are written one by one).
CREATE TABLE policy_insurer (
    policy_id INTEGER NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    insurer_id INTEGER NOT NULL REFERENCES insurer (id),
    share_bp INTEGER NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
    is_lead INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
    branch TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (policy_id, insurer_id)
) STRICT;
CREATE INDEX policy_insurer_insurer ON policy_insurer (insurer_id);

CREATE TABLE policy_ip_right (
    policy_id INTEGER NOT NULL REFERENCES policy (id) ON DELETE CASCADE,
    ip_right_id INTEGER NOT NULL REFERENCES ip_right (id),
    PRIMARY KEY (policy_id, ip_right_id)
) STRICT;
CREATE INDEX policy_ip_right_ip ON policy_ip_right (ip_right_id);

CREATE TABLE subsidy_application (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    application_no TEXT NOT NULL UNIQUE,
    programme_id INTEGER NOT NULL REFERENCES programme (id),
    policy_id INTEGER NOT NULL REFERENCES policy (id),
    premium_paid_fen INTEGER NOT NULL CHECK (premium_paid_fen >= 0),
    computed_fen INTEGER NOT NULL DEFAULT 0 CHECK (computed_fen >= 0),
    approved_fen INTEGER NOT NULL DEFAULT 0 CHECK (approved_fen >= 0),
    paid_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
    recovered_fen INTEGER NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
    explanation TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT '申报' CHECK (state IN ('申报', '初审', '复核', '公示', '批准', '拨付',
        '退回补正', '不予支持', '追回')),
    submitted_at TEXT NOT NULL,
    publicity_start TEXT,
    publicity_end TEXT,
    approved_at TEXT,
    paid_at TEXT,
    voucher_no TEXT NOT NULL DEFAULT '',
    payment_batch TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    first_reviewed_by TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',
    declared_no_double_funding INTEGER NOT NULL DEFAULT 1 CHECK (declared_no_double_funding IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT '',
    CHECK (paid_fen <= approved_fen),
    CHECK (recovered_fen <= paid_fen)
) STRICT;
CREATE INDEX subsidy_programme ON subsidy_application (programme_id, state);
CREATE INDEX subsidy_policy ON subsidy_application (policy_id);

-- Every workflow transition: who, when, why (and the amount where one moves).
CREATE TABLE subsidy_event (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    application_id INTEGER NOT NULL REFERENCES subsidy_application (id) ON DELETE CASCADE,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    amount_fen INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX subsidy_event_application ON subsidy_event (application_id);

CREATE TABLE claim (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    claim_no TEXT NOT NULL UNIQUE,
    policy_id INTEGER NOT NULL REFERENCES policy (id),
    state TEXT NOT NULL DEFAULT '报案' CHECK (state IN ('报案', '受理', '调查中', '诉讼中', '结案', '拒赔', '撤案')),
    reported_date TEXT NOT NULL,
    closed_date TEXT,
    counterparty TEXT NOT NULL DEFAULT '',
    court TEXT NOT NULL DEFAULT '',
    overseas INTEGER NOT NULL DEFAULT 0 CHECK (overseas IN (0, 1)),
    jurisdiction TEXT NOT NULL DEFAULT '',
    case_number TEXT NOT NULL DEFAULT '',
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('胜诉', '和解', '败诉', '撤诉')),
    judgement_fen INTEGER NOT NULL DEFAULT 0 CHECK (judgement_fen >= 0),
    settlement_fen INTEGER NOT NULL DEFAULT 0 CHECK (settlement_fen >= 0),
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX claim_policy ON claim (policy_id);

CREATE TABLE claim_cost_item (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    category TEXT NOT NULL CHECK (category IN ('调查费', '律师代理费', '诉讼费', '仲裁费', '鉴定费', '公证费',
        '证物费', '差旅费', '直接经济损失', '判决金', '和解金', '无效抗辩费', '产品撤回费')),
    claimed_fen INTEGER NOT NULL DEFAULT 0 CHECK (claimed_fen >= 0),
    approved_fen INTEGER NOT NULL DEFAULT 0 CHECK (approved_fen >= 0),
    paid_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT '',
    CHECK (paid_fen <= approved_fen)
) STRICT;
CREATE INDEX claim_cost_item_claim ON claim_cost_item (claim_id);

-- Cash the insurer paid: advance payments (先行赔付) are reconciled against the final settlement.
CREATE TABLE claim_payment (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    claim_id INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('先行赔付', '赔付')),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    paid_date TEXT NOT NULL,
    reconciled INTEGER NOT NULL DEFAULT 0 CHECK (reconciled IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX claim_payment_claim ON claim_payment (claim_id);

CREATE TABLE case_study (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    number INTEGER NOT NULL CHECK (number >= 1),
    year INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    parties TEXT NOT NULL DEFAULT '',
    product_text TEXT NOT NULL DEFAULT '',
    clause_type TEXT NOT NULL DEFAULT '',
    ip_types_text TEXT NOT NULL DEFAULT '',
    insurers_text TEXT NOT NULL DEFAULT '',
    background TEXT NOT NULL DEFAULT '',
    innovation TEXT NOT NULL DEFAULT '',
    effect TEXT NOT NULL DEFAULT '',
    enterprise_id INTEGER REFERENCES enterprise (id),
    policy_id INTEGER REFERENCES policy (id),
    claim_id INTEGER REFERENCES claim (id),
    product_id INTEGER REFERENCES product (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT '',
    UNIQUE (year, number)
) STRICT;

CREATE TABLE attachment (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    owner_table TEXT NOT NULL,
    owner_uuid TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('申报书', '营业执照', '保单', '发票', '付款凭证', '权利证书', '有效性证明',
        '许可合同', '承诺书', '判决书', '和解协议', '其他')),
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    origin_office TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX attachment_owner ON attachment (owner_table, owner_uuid);

-- Append-only, hash-chained. hash = sha256(prev_hash || canonical payload); see audit.py.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    op TEXT NOT NULL,
    old_values TEXT,
    new_values TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_record ON audit_log (table_name, record_uuid);
CREATE INDEX audit_actor ON audit_log (actor, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只允许追加，禁止修改'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, '审计日志只允许追加，禁止删除'); END;
