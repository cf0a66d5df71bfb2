<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AmountEdit</name>
    <message>
        <source>元，可写 12.5万</source>
        <translation>yuan, e.g. 125000 or 12.5万</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>打开文件</source>
        <translation>Open File</translation>
    </message>
    <message>
        <source>不认识的文件类型：{0}（可以打开 .ipx 数据交换包或 .sqlite 数据库）</source>
        <translation>Unknown file type: {0} (the app opens .ipx exchange packages and .sqlite databases)</translation>
    </message>
</context>
<context>
    <name>ApplicationPanel</name>
    <message>
        <source>选择一件补贴申请查看测算与办理</source>
        <translation>Select a subsidy application to see its calculation and process it</translation>
    </message>
    <message>
        <source>&lt;b&gt;测算说明&lt;/b&gt;</source>
        <translation>&lt;b&gt;Calculation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;流转记录&lt;/b&gt;</source>
        <translation>&lt;b&gt;History&lt;/b&gt;</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>办理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:14px&apos;&gt;{application_no}&lt;/b&gt;&#x3000;&lt;span style=&apos;color:#fff;background:{colour};padding:1px 6px&apos;&gt;&amp;nbsp;{state}&amp;nbsp;&lt;/span&gt;&lt;br&gt;{enterprise_name}&#x3000;保单 {policy_no}</source>
        <translation>&lt;b style=&apos;font-size:14px&apos;&gt;{application_no}&lt;/b&gt;  &lt;span style=&apos;color:#fff;background:{colour};padding:1px 6px&apos;&gt;&amp;nbsp;{state}&amp;nbsp;&lt;/span&gt;&lt;br&gt;{enterprise_name}  Policy {policy_no}</translation>
    </message>
    <message>
        <source>实缴保费 {premium_paid_fen} 元</source>
        <translation>Premium paid {premium_paid_fen} yuan</translation>
    </message>
    <message>
        <source>测算补贴 &lt;b&gt;{computed_fen}&lt;/b&gt; 元</source>
        <translation>Calculated subsidy &lt;b&gt;{computed_fen}&lt;/b&gt; yuan</translation>
    </message>
    <message>
        <source>核定 {approved_fen} 元</source>
        <translation>approved {approved_fen} yuan</translation>
    </message>
    <message>
        <source>已拨付 {paid_fen} 元</source>
        <translation>paid {paid_fen} yuan</translation>
    </message>
    <message>
        <source>已追回 {recovered_fen} 元</source>
        <translation>clawed back {recovered_fen} yuan</translation>
    </message>
    <message>
        <source>公示期 {publicity_start} 至 {publicity_end}</source>
        <translation>public notice {publicity_start} to {publicity_end}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>（尚无测算）</source>
        <translation>(not calculated yet)</translation>
    </message>
    <message>
        <source>按当前规则和台账重新测算为 {amount_fen} 元（已存 {computed_fen} 元），可点“重新测算”更新。</source>
        <translation>With the current rules and records the subsidy is {amount_fen} yuan (stored: {computed_fen} yuan); click “Recalculate” to update.</translation>
    </message>
    <message>
        <source>审核阶段金额为暂定数，公示时冻结。</source>
        <translation>Amounts are provisional during review and are frozen at public notice.</translation>
    </message>
    <message>
        <source>重新测算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <source>当前用户在此环节没有可办理的操作</source>
        <translation>The current user has no action at this step</translation>
    </message>
    <message>
        <source>该申请已办结</source>
        <translation>This application is closed</translation>
    </message>
    <message>
        <source>录入人和初审人不能办理复核与批准（双人复核）</source>
        <translation>The clerk who entered it and the first reviewer cannot do the second review or approval (four eyes)</translation>
    </message>
    <message>
        <source>未能{label}：</source>
        <translation>Could not complete “{label}”: </translation>
    </message>
    <message>
        <source>已{label}</source>
        <translation>Done: {label}</translation>
    </message>
    <message>
        <source>未能重新测算：</source>
        <translation>Could not recalculate: </translation>
    </message>
    <message>
        <source>已重新测算：{amount_fen} 元</source>
        <translation>Recalculated: {amount_fen} yuan</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>查询失败：{exc}</source>
        <translation>Query failed: {exc}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>记录 UUID 或其开头</source>
        <translation>Record UUID or its beginning</translation>
    </message>
    <message>
        <source>不再只看所选记录</source>
        <translation>Stop showing only the selected records</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>全部数据表</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All operations</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>重置</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>校验哈希链</source>
        <translation>Verify hash chain</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>点击“校验哈希链”检查数据库完整性、外键、业务规则与审计日志哈希链。</source>
        <translation>Click “Verify hash chain” to check database integrity, foreign keys, business rules and the audit log hash chain.</translation>
    </message>
    <message>
        <source>记录详情</source>
        <translation>Record details</translation>
    </message>
    <message>
        <source>完整性校验</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>所选记录：{selection}</source>
        <translation>Selected records: {selection}</translation>
    </message>
    <message>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>共 {total:,} 条</source>
        <translation>{total:,} records</translation>
    </message>
    <message>
        <source>选择一条审计记录查看原值与新值。</source>
        <translation>Select an audit entry to see the old and new values.</translation>
    </message>
    <message>
        <source>&lt;b&gt;第 {seq} 条 · {op_label} · {table_label}&lt;/b&gt;&lt;br&gt;{time_text}&#x3000;用户：{actor}&lt;br&gt;&lt;span style=&apos;color:#5b6475&apos;&gt;记录 UUID：{record_uuid}&lt;/span&gt;</source>
        <translation>&lt;b&gt;No. {seq} · {op_label} · {table_label}&lt;/b&gt;&lt;br&gt;{time_text}  User: {actor}&lt;br&gt;&lt;span style=&apos;color:#5b6475&apos;&gt;Record UUID: {record_uuid}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>导出审计日志</source>
        <translation>Export Audit Log</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出审计日志…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <source>已导出 {rows:,} 条审计记录：{path}</source>
        <translation>Exported {rows:,} audit entries: {path}</translation>
    </message>
    <message>
        <source>正在校验，请稍候…</source>
        <translation>Checking, please wait…</translation>
    </message>
</context>
<context>
    <name>BudgetPanel</name>
    <message>
        <source>补贴预算台账</source>
        <translation>Subsidy budget ledger</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{name}&apos;&gt;■&lt;/span&gt; 已拨付（扣除追回）&#x3000;&lt;span style=&apos;color:{name2}&apos;&gt;■&lt;/span&gt; 已批准未拨付&#x3000;&lt;span style=&apos;color:#9aa6b8&apos;&gt;■&lt;/span&gt; 剩余&#x3000;&lt;span style=&apos;color:{ERROR}&apos;&gt;┆&lt;/span&gt; 80% 警戒线</source>
        <translation>&lt;span style=&apos;color:{name}&apos;&gt;■&lt;/span&gt; paid (less clawbacks)  &lt;span style=&apos;color:{name2}&apos;&gt;■&lt;/span&gt; approved, unpaid  &lt;span style=&apos;color:#9aa6b8&apos;&gt;■&lt;/span&gt; remaining  &lt;span style=&apos;color:{ERROR}&apos;&gt;┆&lt;/span&gt; 80% alert line</translation>
    </message>
    <message>
        <source>还没有试点项目</source>
        <translation>No pilot programmes yet</translation>
    </message>
    <message>
        <source>另有 {hidden} 个已结转的项目年度：选择统计年度或在“设置 › 试点项目”中查看</source>
        <translation>{hidden} more closed programme years: choose a year or see Settings › Pilot programmes</translation>
    </message>
</context>
<context>
    <name>BudgetRow</name>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&#x3000;&lt;span style=&apos;color:{MUTED}&apos;&gt;{year} 年度 · {status}&lt;/span&gt;</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;  &lt;span style=&apos;color:{MUTED}&apos;&gt;{year} · {status}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{ERROR}&apos;&gt;&lt;b&gt;已使用 {used}&lt;/b&gt;（超过 80%）&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{ERROR}&apos;&gt;&lt;b&gt;Used {used}&lt;/b&gt; (over 80%)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>已使用 &lt;b&gt;{used}&lt;/b&gt;</source>
        <translation>Used &lt;b&gt;{used}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{mark}&lt;span style=&apos;color:{MUTED}&apos;&gt;{caption}（元）&lt;/span&gt;</source>
        <translation>{mark}&lt;span style=&apos;color:{MUTED}&apos;&gt;{caption} (yuan)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>公示中 {publicised_fen} 元</source>
        <translation>under public notice {publicised_fen} yuan</translation>
    </message>
    <message>
        <source>审核中测算 {pending_fen} 元</source>
        <translation>calculated, under review {pending_fen} yuan</translation>
    </message>
    <message>
        <source>（不占用预算）</source>
        <translation> (not charged to the budget)</translation>
    </message>
    <message>
        <source>尚未设置预算：批准会被拒绝</source>
        <translation>No budget set: approvals will be refused</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>请先在补贴台账中选择申请（可按住 Ctrl 或 Shift 多选）</source>
        <translation>First select applications in the subsidy register (Ctrl or Shift for several)</translation>
    </message>
    <message>
        <source>批量{label} — 选中的 {n} 件申请</source>
        <translation>Bulk {label} — {n} selected applications</translation>
    </message>
    <message>
        <source>正在批量{label} {n} 件申请…（全部成功才会保存）</source>
        <translation>Bulk {label} of {n} applications… (saved only if all succeed)</translation>
    </message>
    <message>
        <source>批量{label}</source>
        <translation>Bulk {label}</translation>
    </message>
    <message>
        <source>已批量{label} {n} 件申请</source>
        <translation>Bulk {label} done for {n} applications</translation>
    </message>
    <message>
        <source>批量{label}未执行</source>
        <translation>Bulk {label} not done</translation>
    </message>
</context>
<context>
    <name>BusyPage</name>
    <message>
        <source>已用时 {0} 秒</source>
        <translation>Elapsed {0} s</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>案例</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>案例名称</source>
        <translation>Case title</translation>
    </message>
    <message>
        <source>（一）相关地区</source>
        <translation>(1) Region</translation>
    </message>
    <message>
        <source>（二）相关主体</source>
        <translation>(2) Parties</translation>
    </message>
    <message>
        <source>（三）保险产品</source>
        <translation>(3) Insurance product</translation>
    </message>
    <message>
        <source>（四）条款归属</source>
        <translation>(4) Clause type</translation>
    </message>
    <message>
        <source>（五）知识产权类型</source>
        <translation>(5) IP right types</translation>
    </message>
    <message>
        <source>（六）相关保险机构</source>
        <translation>(6) Insurers</translation>
    </message>
    <message>
        <source>案例正文</source>
        <translation>Case text</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>创新点</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>实施效果</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>关联台账记录</source>
        <translation>Linked records</translation>
    </message>
    <message>
        <source>关联企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>关联保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>关联理赔</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>关联险种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>请从下拉列表中选择，或清空此栏</source>
        <translation>Choose from the list, or clear this field</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>选择 .xlsx、.xls、.ods 或 .csv 文件</source>
        <translation>Choose an .xlsx, .xls, .ods or .csv file</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>工作表(&amp;S)：</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>下载空白模板(&amp;T)…</source>
        <translation>Blank &amp;template…</translation>
    </message>
    <message>
        <source>生成所选类型的空白导入模板：中文表头、示例行、下拉选项和填写说明</source>
        <translation>Create a blank import template of the chosen kind: Chinese headers, an example row, drop-down choices and instructions</translation>
    </message>
    <message>
        <source>先全部检查再写入：检查不会改动台账；有误的行会逐行列出原因。</source>
        <translation>Everything is checked before anything is written: checking changes nothing; rows with errors are listed with their reasons.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>检查文件(&amp;C)</source>
        <translation>&amp;Check file</translation>
    </message>
    <message>
        <source>导入类型(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>文件(&amp;F)：</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>第一步：选择导入类型和文件</source>
        <translation>Step 1: choose the kind of data and the file</translation>
    </message>
    <message>
        <source>全部工作表（{n} 个）</source>
        <translation>All sheets ({n})</translation>
    </message>
</context>
<context>
    <name>ClaimForm</name>
    <message>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>理赔编号</source>
        <translation>Claim no.</translation>
    </message>
    <message>
        <source>出险保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>报案日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(open)</translation>
    </message>
    <message>
        <source>案件结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>对方当事人</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>受理法院/机构</source>
        <translation>Court / body</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>管辖地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>境外案件</source>
        <translation>Overseas case</translation>
    </message>
    <message>
        <source>境外</source>
        <translation>Overseas</translation>
    </message>
    <message>
        <source>判决金额（元）</source>
        <translation>Judgement (yuan)</translation>
    </message>
    <message>
        <source>和解金额（元）</source>
        <translation>Settlement (yuan)</translation>
    </message>
    <message>
        <source>费用明细</source>
        <translation>Cost items</translation>
    </message>
    <message>
        <source>费用类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>索赔金额（元）</source>
        <translation>Claimed (yuan)</translation>
    </message>
    <message>
        <source>核定金额（元）</source>
        <translation>Approved (yuan)</translation>
    </message>
    <message>
        <source>已赔金额（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>增加费用</source>
        <translation>Add cost item</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>赔款支付</source>
        <translation>Claim payments</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>支付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>已对账</source>
        <translation>Reconciled</translation>
    </message>
    <message>
        <source>增加支付</source>
        <translation>Add payment</translation>
    </message>
    <message>
        <source>支付</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>案情</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>案情说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>{where}：{error}</source>
        <translation>{where}: {error}</translation>
    </message>
    <message>
        <source>费用明细第 {n} 行{amount}</source>
        <translation>cost item {n}, {amount}</translation>
    </message>
    <message>
        <source>索赔金额</source>
        <translation>claimed amount</translation>
    </message>
    <message>
        <source>核定金额</source>
        <translation>approved amount</translation>
    </message>
    <message>
        <source>已赔金额</source>
        <translation>paid amount</translation>
    </message>
    <message>
        <source>赔款支付第 {n} 笔金额</source>
        <translation>amount of claim payment {n}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>请从下拉列表中选择保单</source>
        <translation>Choose a policy from the list</translation>
    </message>
</context>
<context>
    <name>ClaimStepDialog</name>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>支付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>案件结果（必填）</source>
        <translation>Outcome (required)</translation>
    </message>
    <message>
        <source>判决金额（元）</source>
        <translation>Judgement (yuan)</translation>
    </message>
    <message>
        <source>和解金额（元）</source>
        <translation>Settlement (yuan)</translation>
    </message>
    <message>
        <source>理由（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>结案须填写案件结果（{OUTCOMES}）</source>
        <translation>Closing needs an outcome ({OUTCOMES})</translation>
    </message>
    <message>
        <source>{what}必须填写理由</source>
        <translation>“{what}” needs a reason</translation>
    </message>
</context>
<context>
    <name>ClaimWorkflowPanel</name>
    <message>
        <source>&lt;b&gt;办理&lt;/b&gt;</source>
        <translation>&lt;b&gt;Actions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;费用明细&lt;/b&gt;</source>
        <translation>&lt;b&gt;Cost items&lt;/b&gt;</translation>
    </message>
    <message>
        <source>费用类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>索赔（元）</source>
        <translation>Claimed (yuan)</translation>
    </message>
    <message>
        <source>核定（元）</source>
        <translation>Approved (yuan)</translation>
    </message>
    <message>
        <source>已赔（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>&lt;b&gt;赔款支付&lt;/b&gt;</source>
        <translation>&lt;b&gt;Claim payments&lt;/b&gt;</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>支付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Reconciled</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>登记先行赔付…</source>
        <translation>Record advance payment…</translation>
    </message>
    <message>
        <source>登记最终赔付…</source>
        <translation>Record final payment…</translation>
    </message>
    <message>
        <source>核对先行赔付</source>
        <translation>Reconcile advance payments</translation>
    </message>
    <message>
        <source>选择一件理赔案件查看流程与赔付</source>
        <translation>Select a claim to see its workflow and payments</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;font-size:14px&apos;&gt;{claim_no}&lt;/b&gt;&#x3000;&lt;span style=&apos;color:#fff;background:{colour}&apos;&gt;&amp;nbsp;{state}&amp;nbsp;&lt;/span&gt;</source>
        <translation>&lt;b style=&apos;font-size:14px&apos;&gt;{claim_no}&lt;/b&gt;  &lt;span style=&apos;color:#fff;background:{colour}&apos;&gt;&amp;nbsp;{state}&amp;nbsp;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>报案 {reported_date}</source>
        <translation>reported {reported_date}</translation>
    </message>
    <message>
        <source>对方 {counterparty}</source>
        <translation>counterparty {counterparty}</translation>
    </message>
    <message>
        <source>案号 {case_number}</source>
        <translation>case no. {case_number}</translation>
    </message>
    <message>
        <source>结果 {outcome}（{get}）</source>
        <translation>outcome {outcome} ({get})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>已核对</source>
        <translation>reconciled</translation>
    </message>
    <message>
        <source>待核对</source>
        <translation>to reconcile</translation>
    </message>
    <message>
        <source>；待核对先行赔付 {unreconciled_fen} 元</source>
        <translation>; advance payments to reconcile {unreconciled_fen} yuan</translation>
    </message>
    <message>
        <source>转为“{s}”…</source>
        <translation>Move to “{s}”…</translation>
    </message>
    <message>
        <source>转为“{s}”</source>
        <translation>Move to “{s}”</translation>
    </message>
    <message>
        <source>该案件已办结</source>
        <translation>This claim is closed</translation>
    </message>
    <message>
        <source>当前用户不能办理理赔流程</source>
        <translation>The current user cannot process claims</translation>
    </message>
    <message>
        <source>理赔 {get} 转为“{to_state}”</source>
        <translation>Claim {get}: move to “{to_state}”</translation>
    </message>
    <message>
        <source>转为“{to_state}”</source>
        <translation>move to “{to_state}”</translation>
    </message>
    <message>
        <source>已转为“{to_state}”</source>
        <translation>Moved to “{to_state}”</translation>
    </message>
    <message>
        <source>理赔 {get} 登记{kind}</source>
        <translation>Claim {get}: record “{kind}”</translation>
    </message>
    <message>
        <source>登记{kind}</source>
        <translation>record “{kind}”</translation>
    </message>
    <message>
        <source>已登记{kind} {amount_fen} 元</source>
        <translation>Recorded “{kind}” {amount_fen} yuan</translation>
    </message>
    <message>
        <source>先行赔付已核对</source>
        <translation>Advance payments reconciled</translation>
    </message>
    <message>
        <source>未能{what}：</source>
        <translation>Could not {what}: </translation>
    </message>
</context>
<context>
    <name>ColumnMapDialog</name>
    <message>
        <source>列对应关系</source>
        <translation>Column Mapping</translation>
    </message>
    <message>
        <source>请指出{insurer}清单中各列对应的字段（带 * 的必须对应）。确定后对账，并为该机构记住这些列名，下次无需再选。</source>
        <translation>Match the columns of the {insurer} list to the fields (those with * are required). OK reconciles and remembers these column names for this insurer.</translation>
    </message>
    <message>
        <source>保险机构</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>确定并对账</source>
        <translation>OK and reconcile</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请选择“{missing}”对应的列</source>
        <translation>Choose the column for “{missing}”</translation>
    </message>
    <message>
        <source>列「{twice}」被选了两次</source>
        <translation>Column “{twice}” is chosen twice</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>数据交换冲突处理</source>
        <translation>Exchange Conflicts</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>显示已处理的冲突</source>
        <translation>Show resolved conflicts</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本地</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>来件</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>保留本地</source>
        <translation>Keep local</translation>
    </message>
    <message>
        <source>本地记录保持不变；对方以后再修改该记录时会再次列为冲突</source>
        <translation>The local record stays as it is; a later change by the other office is listed as a conflict again</translation>
    </message>
    <message>
        <source>采用来件</source>
        <translation>Take incoming</translation>
    </message>
    <message>
        <source>用来件的内容替换本地记录（对方删除时删除本地记录）</source>
        <translation>Replace the local record with the incoming one (deletes it when the other office deleted it)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已处理：{0}</source>
        <translation>Resolved: {0}</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>第 {0} 号</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>待处理冲突 {0} 条</source>
        <translation>{0} open conflicts</translation>
    </message>
    <message>
        <source>没有待处理的冲突</source>
        <translation>No open conflicts</translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>已于 {0} 由 {1} 处理：{2}</source>
        <translation>Resolved on {0} by {1}: {2}</translation>
    </message>
    <message>
        <source>冲突已处理（{0}）：{1}</source>
        <translation>Conflict resolved ({0}): {1}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>统计年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>起保年度 {y}</source>
        <translation>Policy year {y}</translation>
    </message>
    <message>
        <source>各类知识产权承保数量（件）</source>
        <translation>Insured IP rights by type</translation>
    </message>
    <message>
        <source>知识产权（件）</source>
        <translation>IP rights</translation>
    </message>
    <message>
        <source>各险种风险保障金额（万元）</source>
        <translation>Sum insured by product (10k yuan)</translation>
    </message>
    <message>
        <source>风险保障金额（万元）</source>
        <translation>Sum insured (10k yuan)</translation>
    </message>
    <message>
        <source>即将到期的保单</source>
        <translation>Policies expiring soon</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>投保企业</source>
        <translation>Policyholder</translation>
    </message>
    <message>
        <source>险种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>保险金额（元）</source>
        <translation>Sum insured (yuan)</translation>
    </message>
    <message>
        <source>{days} 天内</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <source>统计数据暂不可用：{exc}</source>
        <translation>Statistics unavailable: {exc}</translation>
    </message>
    <message>
        <source>家</source>
        <translation>enterprises</translation>
    </message>
    <message>
        <source>保单 {policies:,} 份</source>
        <translation>{policies:,} policies</translation>
    </message>
    <message>
        <source>件</source>
        <translation>rights</translation>
    </message>
    <message>
        <source>理赔 {get:,} 件</source>
        <translation>{get:,} claims</translation>
    </message>
    <message>
        <source>已赔付 ÷ 保费</source>
        <translation>claims paid ÷ premium</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>100M yuan</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10k yuan</translation>
    </message>
    <message>
        <source>各险种风险保障金额（{unit}）</source>
        <translation>Sum insured by product ({unit})</translation>
    </message>
    <message>
        <source>{days} 天内（{n}）</source>
        <translation>{days} days ({n})</translation>
    </message>
    <message>
        <source>{y} 年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{caption}：{year} 年</source>
        <translation>{caption}: {year}</translation>
    </message>
    <message>
        <source>险种：{name} {desc}</source>
        <translation>Product: {name} {desc}</translation>
    </message>
    <message>
        <source>{days} 天内到期</source>
        <translation>Expiring within {days} days</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>选择一条记录查看详情</source>
        <translation>Select a record to see its details</translation>
    </message>
    <message>
        <source>已选择 {count} 条记录</source>
        <translation>{count} records selected</translation>
    </message>
    <message>
        <source>记录已不存在（可能已被删除），请刷新</source>
        <translation>The record no longer exists (it may have been deleted); please refresh</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>&lt;h4&gt;关联记录&lt;/h4&gt;&lt;table cellspacing=0&gt;{links}&lt;/table&gt;</source>
        <translation>&lt;h4&gt;Linked records&lt;/h4&gt;&lt;table cellspacing=0&gt;{links}&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>EnterpriseForm</name>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>与营业执照一致的企业全称</source>
        <translation>Full name as on the business licence</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <source>18 位统一社会信用代码</source>
        <translation>18-character USCC</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>输入代码或名称，如 滨湖</source>
        <translation>Type a code or name, e.g. 滨湖</translation>
    </message>
    <message>
        <source>所在区县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>如 C34 通用设备制造业</source>
        <translation>e.g. C34 General equipment manufacturing</translation>
    </message>
    <message>
        <source>所属行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>企业标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>列入黑名单（不得申请补贴）</source>
        <translation>Blacklisted (may not apply for subsidies)</translation>
    </message>
    <message>
        <source>黑名单</source>
        <translation>Blacklist</translation>
    </message>
    <message>
        <source>列入原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>联系与账户</source>
        <translation>Contact and bank account</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>手机或座机，如 0510-12345678</source>
        <translation>Mobile or landline, e.g. 0510-12345678</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>已忽略校验警告，理由：{uscc_override_reason}</source>
        <translation>Check warning overridden, reason: {uscc_override_reason}</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>数据交换包 (*.ipx);;所有文件 (*)</source>
        <translation>Exchange packages (*.ipx);;All files (*)</translation>
    </message>
    <message>
        <source>办公室公钥文件 (*.json *.pub);;所有文件 (*)</source>
        <translation>Office public key files (*.json *.pub);;All files (*)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>已不存在</source>
        <translation>Already gone</translation>
    </message>
    <message>
        <source>按编号合并</source>
        <translation>Merged by number</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import Package</translation>
    </message>
</context>
<context>
    <name>ExchangeUi</name>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>导出数据包…</source>
        <translation>Export package…</translation>
    </message>
    <message>
        <source>把本办公室自上一个数据包以来的变化写成签名的数据包（.ipx），交上级机关导入</source>
        <translation>Write this office&apos;s changes since the last package into a signed package (.ipx) for the higher office to import</translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <source>冲突处理…</source>
        <translation>Conflicts…</translation>
    </message>
    <message>
        <source>办公室与密钥…</source>
        <translation>Offices and keys…</translation>
    </message>
    <message>
        <source>本办公室代码和名称、导出公钥、登记可信办公室、已导入的数据包</source>
        <translation>This office&apos;s code and name, public key export, trusted offices, imported packages</translation>
    </message>
    <message>
        <source>校验并导入其他办公室的数据包（先备份，冲突逐条处理）</source>
        <translation>Verify and import another office&apos;s package (backed up first; conflicts handled one by one)</translation>
    </message>
    <message>
        <source>冲突处理…（{0} 条待处理）</source>
        <translation>Conflicts… ({0} open)</translation>
    </message>
    <message>
        <source>逐字段比较本地与来件，决定保留哪一边</source>
        <translation>Compare local and incoming field by field and decide which to keep</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出数据包</source>
        <translation>Export Package</translation>
    </message>
    <message>
        <source>把本办公室自上一个数据包以来新增、修改和删除的记录写成一个签名的数据包（.ipx），交上级机关导入。数据包含联系人和银行账号等个人信息，请妥善传递。</source>
        <translation>Write the records this office added, changed and deleted since the last package into one signed package (.ipx) for the higher office to import. The package holds personal data such as contacts and bank accounts: transfer it with care.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>自审计序号</source>
        <translation>From audit no.</translation>
    </message>
    <message>
        <source>之后的变化起导出（补发丢失的数据包时使用；默认自上一个数据包之后）</source>
        <translation>onwards (to resend a lost package; by default everything after the last package)</translation>
    </message>
    <message>
        <source>本办公室：</source>
        <translation>This office:</translation>
    </message>
    <message>
        <source>数据包文件：</source>
        <translation>Package file:</translation>
    </message>
    <message>
        <source>范围：</source>
        <translation>Range:</translation>
    </message>
    <message>
        <source>办公室与密钥…</source>
        <translation>Offices and keys…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>数据包：</source>
        <translation>Package:</translation>
    </message>
    <message>
        <source>审计序号：</source>
        <translation>Audit nos.:</translation>
    </message>
    <message>
        <source>记录：</source>
        <translation>Records:</translation>
    </message>
    <message>
        <source>大小：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>SHA-256：</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>用时：</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>尚未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>尚未设置本办公室的代码和名称，无法导出。请先在“办公室与密钥…”中设置。</source>
        <translation>This office&apos;s code and name are not set, so nothing can be exported. Set them in “Offices and keys…” first.</translation>
    </message>
    <message>
        <source>文件 {0} 已存在，是否覆盖？</source>
        <translation>File {0} exists. Overwrite it?</translation>
    </message>
    <message>
        <source>正在导出数据包到 {0}…</source>
        <translation>Exporting the package to {0}…</translation>
    </message>
    <message>
        <source>已导出 {0} 第 {1} 号数据包。</source>
        <translation>Exported package no. {1} of {0}.</translation>
    </message>
    <message>
        <source>{0}（{1}）第 {2} 号</source>
        <translation>{0} ({1}) no. {2}</translation>
    </message>
    <message>
        <source>（无新的变化）</source>
        <translation>(no new changes)</translation>
    </message>
    <message>
        <source>，附件 {0} 个</source>
        <translation>, {0} attachments</translation>
    </message>
    <message>
        <source>（缺失 {0} 个）</source>
        <translation> ({0} missing)</translation>
    </message>
    <message>
        <source>{0} 条，删除 {1} 条</source>
        <translation>{0}, {1} deleted</translation>
    </message>
    <message>
        <source>{0} 秒</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>删除的记录</source>
        <translation>Deleted records</translation>
    </message>
    <message>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>搜索：{hint}</source>
        <translation>Search: {hint}</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>输入一个字即可查找；Ctrl+F 定位到这里，回车立即查找</source>
        <translation>One character is enough; Ctrl+F jumps here, Enter searches at once</translation>
    </message>
    <message>
        <source>全部{label}</source>
        <translation>{label}: all</translation>
    </message>
    <message>
        <source>单击取消此条件</source>
        <translation>Click to remove this condition</translation>
    </message>
    <message>
        <source>清除条件</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入数据包</source>
        <translation>Import Package</translation>
    </message>
    <message>
        <source>导入前先校验数据包：发送办公室已登记、签名有效、编号连续、内容未被改动。导入前自动备份数据库；同一记录两边都改过时列为冲突，由您决定保留哪一边。</source>
        <translation>The package is verified before import: the sending office is registered, the signature is valid, numbers are consecutive and the content is unchanged. The database is backed up first; records changed on both sides are listed as conflicts for you to decide.</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>发送办公室：</source>
        <translation>Sending office:</translation>
    </message>
    <message>
        <source>数据包编号：</source>
        <translation>Package no.:</translation>
    </message>
    <message>
        <source>制作时间：</source>
        <translation>Created:</translation>
    </message>
    <message>
        <source>记录：</source>
        <translation>Records:</translation>
    </message>
    <message>
        <source>大小：</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>登记可信办公室…</source>
        <translation>Register trusted office…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>处理冲突…</source>
        <translation>Resolve conflicts…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>第 {0} 号</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>{0} 条，删除 {1} 条</source>
        <translation>{0}, {1} deleted</translation>
    </message>
    <message>
        <source>数据包来自未登记的办公室 {0}（代码 {1}）：请先登记该办公室的公钥，再导入。</source>
        <translation>The package comes from an unregistered office {0} (code {1}): register its public key before importing.</translation>
    </message>
    <message>
        <source>发送办公室已登记为“{0}”，导入时校验签名和每个文件的校验值。</source>
        <translation>The sending office is registered as “{0}”; the signature and every file&apos;s checksum are verified on import.</translation>
    </message>
    <message>
        <source>正在校验并导入 {0}…（先备份数据库，再合并）</source>
        <translation>Verifying and importing {0}… (database backup first, then merge)</translation>
    </message>
    <message>
        <source>已导入 {0}（{1}）第 {2} 号数据包：新增 {3} 条，更新 {4} 条，删除 {5} 条，冲突 {6} 条。</source>
        <translation>Imported package no. {2} of {0} ({1}): {3} added, {4} updated, {5} deleted, {6} conflicts.</translation>
    </message>
    <message>
        <source>冲突的记录保持本地内容不变，请逐条处理。</source>
        <translation>Conflicting records keep their local content; please resolve them one by one.</translation>
    </message>
    <message>
        <source>导入前的数据库已备份为：{0}</source>
        <translation>The database before the import was backed up as: {0}</translation>
    </message>
    <message>
        <source>拒绝导入，数据库未作任何改动：</source>
        <translation>Import refused, the database is unchanged: </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>数据导入向导</source>
        <translation>Data Import Wizard</translation>
    </message>
    <message>
        <source>第二步：检查文件（不会改动台账）</source>
        <translation>Step 2: check the file (changes nothing)</translation>
    </message>
    <message>
        <source>第四步：写入台账</source>
        <translation>Step 4: write to the registers</translation>
    </message>
    <message>
        <source>&#x3000;›&#x3000;</source>
        <translation>  ›  </translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the File to Import</translation>
    </message>
    <message>
        <source>读取文件</source>
        <translation>read the file</translation>
    </message>
    <message>
        <source>保存空白导入模板</source>
        <translation>Save Blank Import Template</translation>
    </message>
    <message>
        <source>已生成{title}导入模板：{out}</source>
        <translation>Created the {title} import template: {out}</translation>
    </message>
    <message>
        <source>保存文件</source>
        <translation>save the file</translation>
    </message>
    <message>
        <source>请先选择要导入的文件。</source>
        <translation>Choose the file to import first.</translation>
    </message>
    <message>
        <source>正在检查「{name}」（{kind}）……</source>
        <translation>Checking “{name}” ({kind})…</translation>
    </message>
    <message>
        <source>&lt;br&gt;忽略警告的理由：{reason}</source>
        <translation>&lt;br&gt;Reason for overriding warnings: {reason}</translation>
    </message>
    <message>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>已取消检查，未写入任何数据。</source>
        <translation>Check cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>检查文件</source>
        <translation>check the file</translation>
    </message>
    <message>
        <source>行</source>
        <translation>rows</translation>
    </message>
    <message>
        <source>第三步：检查结果 — {name}（{kind}）</source>
        <translation>Step 3: check results — {name} ({kind})</translation>
    </message>
    <message>
        <source>工作表「{sheet}」：表头在第 {header_row} 行，数据 {data_rows:,} 行</source>
        <translation>Sheet “{sheet}”: header in row {header_row}, {data_rows:,} data rows</translation>
    </message>
    <message>
        <source>，已跳过示例行 {examples_skipped} 行</source>
        <translation>, {examples_skipped} example rows skipped</translation>
    </message>
    <message>
        <source>；未识别的列（将忽略）：{extra}</source>
        <translation>; unrecognised columns (ignored): {extra}</translation>
    </message>
    <message>
        <source>&#x3000;· {problem}</source>
        <translation>  · {problem}</translation>
    </message>
    <message>
        <source>已填写忽略警告的理由：{accept_warnings_reason}</source>
        <translation>Reason for overriding warnings: {accept_warnings_reason}</translation>
    </message>
    <message>
        <source>文件中没有数据行。</source>
        <translation>The file has no data rows.</translation>
    </message>
    <message>
        <source>有 {n_err} 行数据有误，不能全部导入：改正文件后重新检查，或选择“只导入无误的行”</source>
        <translation>{n_err} rows have errors, so not everything can be imported: correct the file and check again, or choose “Import valid rows only”</translation>
    </message>
    <message>
        <source>没有需要新增或更新的行（文件内容与台账一致）</source>
        <translation>Nothing to add or update (the file matches the registers)</translation>
    </message>
    <message>
        <source>在一个事务中写入 {writable:,} 行</source>
        <translation>Write {writable:,} rows in one transaction</translation>
    </message>
    <message>
        <source>写入无误的 {writable:,} 行，跳过有误的 {n_err} 行</source>
        <translation>Write {writable:,} valid rows, skip {n_err} rows with errors</translation>
    </message>
    <message>
        <source>没有错误，请用“全部导入”</source>
        <translation>No errors: use “Import all”</translation>
    </message>
    <message>
        <source>没有无误且需要写入的行</source>
        <translation>No valid rows to write</translation>
    </message>
    <message>
        <source>有校验位等警告：核对无误后填写理由，重新检查时这些行可以导入</source>
        <translation>There are warnings such as check digits: once verified, give a reason and these rows import on the next check</translation>
    </message>
    <message>
        <source>没有可以填写理由后忽略的警告</source>
        <translation>No warnings that a reason could override</translation>
    </message>
    <message>
        <source>原始各行加上“错误说明”列，另存为 Excel 工作簿，便于改正后重新导入</source>
        <translation>The original rows plus an “error” column, saved as an Excel workbook to correct and import again</translation>
    </message>
    <message>
        <source>没有错误，无需错误报告</source>
        <translation>No errors, no error report needed</translation>
    </message>
    <message>
        <source>显示 {shown:,} / {total:,} 行</source>
        <translation>Showing {shown:,} / {total:,} rows</translation>
    </message>
    <message>
        <source>&lt;b&gt;{escape}&lt;/b&gt;&#x3000;{action}&#x3000;{key}</source>
        <translation>&lt;b&gt;{escape}&lt;/b&gt;  {action}  {key}</translation>
    </message>
    <message>
        <source>变更：</source>
        <translation>Changes: </translation>
    </message>
    <message>
        <source>保存错误报告</source>
        <translation>Save Error Report</translation>
    </message>
    <message>
        <source>已保存错误报告：{out}</source>
        <translation>Error report saved: {out}</translation>
    </message>
    <message>
        <source>填写理由后忽略警告</source>
        <translation>Override Warnings with a Reason</translation>
    </message>
    <message>
        <source>这些警告多为早期试点地区不符合国标的真实代码。
核对营业执照或证书无误后，请填写理由（随数据保存并记入审计日志）：</source>
        <translation>These warnings are mostly real codes from early pilot regions that do not follow the national standard.
After checking the business licence or certificate, give a reason (saved with the data and in the audit log):</translation>
    </message>
    <message>
        <source>已核对营业执照，代码无误</source>
        <translation>Checked against the business licence, the code is correct</translation>
    </message>
    <message>
        <source>正在写入 {todo:,} 行（新增 {insert:,}、更新 {update:,}）</source>
        <translation>Writing {todo:,} rows ({insert:,} new, {update:,} updated)</translation>
    </message>
    <message>
        <source>，跳过有误的 {error:,} 行</source>
        <translation>, skipping {error:,} rows with errors</translation>
    </message>
    <message>
        <source>。取消则不写入任何数据。</source>
        <translation>. Cancelling writes nothing.</translation>
    </message>
    <message>
        <source>正在取消（撤销本次写入）……</source>
        <translation>Cancelling (rolling back this import)…</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>文件「{name}」已导入{kind}台账。</source>
        <translation>“{name}” was imported into the {kind} register.</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>已取消导入，未写入任何数据。</source>
        <translation>Import cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>IpRightForm</name>
    <message>
        <source>知识产权</source>
        <translation>IP right</translation>
    </message>
    <message>
        <source>所属企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>如 ZL202010123456.7、商标注册号</source>
        <translation>e.g. ZL202010123456.7 or a trademark registration no.</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>商标的尼斯分类（第 1–45 类）</source>
        <translation>Nice class of a trademark (classes 1–45)</translation>
    </message>
    <message>
        <source>尼斯分类</source>
        <translation>Nice class</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>空白表示与所属企业相同</source>
        <translation>Blank: same as the enterprise</translation>
    </message>
    <message>
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>申请日</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <source>授权/注册日</source>
        <translation>Grant / registration date</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>法律状态</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <source>高价值专利/核心知识产权</source>
        <translation>High-value patent / core IP right</translation>
    </message>
    <message>
        <source>高价值</source>
        <translation>High value</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>商标须选择尼斯分类（第 1–45 类）</source>
        <translation>A trademark needs a Nice class (1–45)</translation>
    </message>
    <message>
        <source>请从下拉列表中选择企业</source>
        <translation>Choose an enterprise from the list</translation>
    </message>
</context>
<context>
    <name>LinkedDetailPane</name>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>&lt;h4&gt;转到&lt;/h4&gt;&lt;p style=&apos;margin:2px 0&apos;&gt;{parents}&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Go to&lt;/h4&gt;&lt;p style=&apos;margin:2px 0&apos;&gt;{parents}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;关联记录（单击打开）&lt;/h4&gt;&lt;table cellspacing=0&gt;{links}&lt;/table&gt;</source>
        <translation>&lt;h4&gt;Linked records (click to open)&lt;/h4&gt;&lt;table cellspacing=0&gt;{links}&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>首次使用：创建管理员</source>
        <translation>First Use: Create the Administrator</translation>
    </message>
    <message>
        <source>登录 — 知识产权保险试点工作台</source>
        <translation>Log in — IP Insurance Pilot Workbench</translation>
    </message>
    <message>
        <source>这是第一次使用本数据库。请创建管理员账户：管理员负责添加经办人、审核人、财务等用户。</source>
        <translation>This database is used for the first time. Create the administrator account: the administrator adds the clerks, reviewers, finance staff and other users.</translation>
    </message>
    <message>
        <source>数据库：{name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>密码至少 8 位，须同时包含字母和数字。</source>
        <translation>At least 8 characters, with both letters and digits.</translation>
    </message>
    <message>
        <source>创建管理员并登录</source>
        <translation>Create administrator and log in</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>LongText</name>
    <message>
        <source>粘贴的内容过长（{n:,} 字），本栏最多 {max_chars:,} 字，未粘贴</source>
        <translation>The pasted text is too long ({n:,} characters; at most {max_chars:,}); not pasted</translation>
    </message>
    <message>
        <source>内容过长（{n:,} 字），最多 {max_chars:,} 字</source>
        <translation>Too long ({n:,} characters; at most {max_chars:,})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot Open the Database</translation>
    </message>
    <message>
        <source>备份…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <source>把当前数据库备份到指定位置</source>
        <translation>Back up the current database to a chosen place</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>新建记录</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>在当前登记簿中新建一条记录</source>
        <translation>Create a record in the current register</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>定位到搜索框</source>
        <translation>Go to the search box</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>查看审计日志；在台账中选中记录时只看这些记录</source>
        <translation>Show the audit log; only the selected records when records are selected in a register</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>用户：{display_name}（{role}）</source>
        <translation>User: {display_name} ({role})</translation>
    </message>
    <message>
        <source>用户：{actor}</source>
        <translation>User: {actor}</translation>
    </message>
    <message>
        <source>{title} {n} 条</source>
        <translation>{title}: {n} records</translation>
    </message>
    <message>
        <source>新建数据库</source>
        <translation>New Database</translation>
    </message>
    <message>
        <source>新数据库.sqlite</source>
        <translation>new-database.sqlite</translation>
    </message>
    <message>
        <source>文件 {target} 已存在；请用“打开数据库”。</source>
        <translation>File {target} exists; use “Open database”.</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;p&gt;知识产权保险保费补贴试点的离线台账与统计工具。&lt;/p&gt;</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;p&gt;Offline records and statistics for the IP insurance premium subsidy pilot.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>回到上一个页面和筛选条件（Alt+←）</source>
        <translation>Back to the previous page and filters (Alt+←)</translation>
    </message>
    <message>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>前进到下一个页面（Alt+→）</source>
        <translation>Forward to the next page (Alt+→)</translation>
    </message>
</context>
<context>
    <name>NewApplicationDialog</name>
    <message>
        <source>新建补贴申请</source>
        <translation>New Subsidy Application</translation>
    </message>
    <message>
        <source>申请补贴的保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>{name}（{year} 年度，{status}）</source>
        <translation>{name} ({year}, {status})</translation>
    </message>
    <message>
        <source>试点项目</source>
        <translation>Pilot programme</translation>
    </message>
    <message>
        <source>实缴保费（元）</source>
        <translation>Premium paid (yuan)</translation>
    </message>
    <message>
        <source>申报日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>留空自动编号（SB-年度-序号）</source>
        <translation>Blank: numbered automatically (SB-year-no.)</translation>
    </message>
    <message>
        <source>申请编号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>企业已承诺未就同一保单重复申报其他资助</source>
        <translation>The enterprise declares it has not applied for other funding for this policy</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>录入申请</source>
        <translation>Enter application</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>保单保费 {premium_fen:,.2f} 元，已缴 {premium_paid_fen:,.2f} 元，保险期间 {start_date} 至 {end_date}</source>
        <translation>Premium {premium_fen:,.2f} yuan, paid {premium_paid_fen:,.2f} yuan, cover {start_date} to {end_date}</translation>
    </message>
    <message>
        <source>实缴保费：{problem}</source>
        <translation>Premium paid: {problem}</translation>
    </message>
    <message>
        <source>请选择申请补贴的保单</source>
        <translation>Choose the policy of the application</translation>
    </message>
    <message>
        <source>没有开放的试点项目，请先在“试点项目与规则”中建立</source>
        <translation>No open pilot programme: create one in “Programmes and rules” first</translation>
    </message>
    <message>
        <source>可以录入：保存后按项目规则测算补贴金额</source>
        <translation>Ready: the subsidy is calculated with the programme rules on saving</translation>
    </message>
    <message>
        <source>未录入：</source>
        <translation>Not entered: </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>OfficesDialog</name>
    <message>
        <source>办公室与密钥</source>
        <translation>Offices and Keys</translation>
    </message>
    <message>
        <source>本办公室</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>如 LX（字母、数字、- 或 _）</source>
        <translation>e.g. LX (letters, digits, - or _)</translation>
    </message>
    <message>
        <source>如 梁溪区知识产权局</source>
        <translation>e.g. 梁溪区知识产权局</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>导出公钥文件…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <source>把本办公室的公钥交上级机关登记；公钥可以公开，私钥从不离开本数据库</source>
        <translation>Give this office&apos;s public key to the higher office to register; the public key may be shared, the private key never leaves this database</translation>
    </message>
    <message>
        <source>代码 / 名称：</source>
        <translation>Code / name:</translation>
    </message>
    <message>
        <source>办公室标识：</source>
        <translation>Office ID:</translation>
    </message>
    <message>
        <source>公钥指纹：</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>可信办公室（接受其数据包）</source>
        <translation>Trusted offices (their packages are accepted)</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>公钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>登记可信办公室…</source>
        <translation>Register trusted office…</translation>
    </message>
    <message>
        <source>已导入的数据包</source>
        <translation>Imported packages</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>办公室</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>导入人</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>（尚未生成密钥）</source>
        <translation>(no key yet)</translation>
    </message>
    <message>
        <source>第 {0} 号</source>
        <translation>No. {0}</translation>
    </message>
    <message>
        <source>新增 {0}，更新 {1}，冲突 {2}</source>
        <translation>{0} added, {1} updated, {2} conflicts</translation>
    </message>
    <message>
        <source>已保存本办公室：{0}（{1}）</source>
        <translation>This office saved: {0} ({1})</translation>
    </message>
    <message>
        <source>导出公钥文件</source>
        <translation>Export Public Key</translation>
    </message>
    <message>
        <source>公钥已写入 {0}。请交上级机关登记，并当面或电话核对指纹。</source>
        <translation>Public key written to {0}. Give it to the higher office to register, and compare the fingerprint in person or by phone.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>查询失败：{exc}</source>
        <translation>Query failed: {exc}</translation>
    </message>
</context>
<context>
    <name>OptionalDate</name>
    <message>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Delete 键清空日期</source>
        <translation>Delete clears the date</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>共 0 页</source>
        <translation>of 0</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>第</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>页，共 {n} 页</source>
        <translation>of {n}</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>打印报表</source>
        <translation>Print Report</translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <source>{sheet} 第 {excel_row} 行</source>
        <translation>{sheet} row {excel_row}</translation>
    </message>
    <message>
        <source>第 {excel_row} 行</source>
        <translation>Row {excel_row}</translation>
    </message>
</context>
<context>
    <name>PolicyForm</name>
    <message>
        <source>保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>投保企业</source>
        <translation>Policyholder</translation>
    </message>
    <message>
        <source>险种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>保单状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>含境外责任</source>
        <translation>Includes overseas cover</translation>
    </message>
    <message>
        <source>境外</source>
        <translation>Overseas</translation>
    </message>
    <message>
        <source>保险金额（元）</source>
        <translation>Sum insured (yuan)</translation>
    </message>
    <message>
        <source>保费（元）</source>
        <translation>Premium (yuan)</translation>
    </message>
    <message>
        <source>实缴保费（元）</source>
        <translation>Premium paid (yuan)</translation>
    </message>
    <message>
        <source>起保日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>签单日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>承保机构（共保体）</source>
        <translation>Insurers (co-insurance pool)</translation>
    </message>
    <message>
        <source>保险机构</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>份额</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>主承保</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>分支机构</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>增加保险机构</source>
        <translation>Add insurer</translation>
    </message>
    <message>
        <source>共保体</source>
        <translation>Co-insurance pool</translation>
    </message>
    <message>
        <source>承保的知识产权</source>
        <translation>Insured IP rights</translation>
    </message>
    <message>
        <source>承保标的</source>
        <translation>Insured rights</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>份额合计：{total:.2f}%</source>
        <translation>Total share: {total:.2f}%</translation>
    </message>
    <message>
        <source>（应为 100%）</source>
        <translation> (must be 100%)</translation>
    </message>
    <message>
        <source>请从下拉列表中选择企业</source>
        <translation>Choose an enterprise from the list</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>第三步：检查结果</source>
        <translation>Step 3: check results</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>只看有错误或警告的行(&amp;E)</source>
        <translation>Only rows with &amp;errors or warnings</translation>
    </message>
    <message>
        <source>选中一行可在此查看完整说明</source>
        <translation>Select a row to see its full messages here</translation>
    </message>
    <message>
        <source>保存错误报告(&amp;R)…</source>
        <translation>Error &amp;report…</translation>
    </message>
    <message>
        <source>原始各行加上“错误说明”列，另存为 Excel 工作簿，便于改正后重新导入</source>
        <translation>The original rows plus an “error” column, saved as an Excel workbook to correct and import again</translation>
    </message>
    <message>
        <source>填写理由后忽略警告(&amp;W)…</source>
        <translation>Override &amp;warnings…</translation>
    </message>
    <message>
        <source>重新选择文件</source>
        <translation>Choose another file</translation>
    </message>
    <message>
        <source>只导入无误的行(&amp;V)</source>
        <translation>Import &amp;valid rows only</translation>
    </message>
    <message>
        <source>全部导入(&amp;A)</source>
        <translation>Import &amp;all</translation>
    </message>
</context>
<context>
    <name>ProgrammeEditor</name>
    <message>
        <source>试点项目与补贴规则</source>
        <translation>Pilot Programmes and Subsidy Rules</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>导入规则文件…</source>
        <translation>Import rules file…</translation>
    </message>
    <message>
        <source>项目年度</source>
        <translation>Programme year</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>行政区划代码，如 320200</source>
        <translation>Administrative division code, e.g. 320200</translation>
    </message>
    <message>
        <source>元，可写 500万</source>
        <translation>yuan, e.g. 5000000 or 500万</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>地区代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>年度预算（元）</source>
        <translation>Annual budget (yuan)</translation>
    </message>
    <message>
        <source>申报期</source>
        <translation>Application period</translation>
    </message>
    <message>
        <source>项目状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>预算执行</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>规则检查</source>
        <translation>Rule check</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>导出规则文件…</source>
        <translation>Export rules file…</translation>
    </message>
    <message>
        <source>导出公示名单…</source>
        <translation>Export public notice list…</translation>
    </message>
    <message>
        <source>年度结转…</source>
        <translation>Close the year…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{name}
{year} 年度 · {status} · 预算 {yuan_text} 元</source>
        <translation>{name}
{year} · {status} · budget {yuan_text} yuan</translation>
    </message>
    <message>
        <source>该项目已于 {closed_at} 年度结转，不能再修改</source>
        <translation>This programme year was closed on {closed_at} and can no longer be changed</translation>
    </message>
    <message>
        <source>年度预算：{problem}</source>
        <translation>Annual budget: {problem}</translation>
    </message>
    <message>
        <source>错误：</source>
        <translation>Error: </translation>
    </message>
    <message>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>规则一致，可以保存</source>
        <translation>The rules are consistent and can be saved</translation>
    </message>
    <message>
        <source>规则自相矛盾，未保存：</source>
        <translation>The rules contradict each other, not saved: </translation>
    </message>
    <message>
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>已保存“{name}”（{year} 年度）；审核中的申请已按新规则重新测算</source>
        <translation>Saved “{name}” ({year}); applications under review were recalculated with the new rules</translation>
    </message>
    <message>
        <source>导入规则文件</source>
        <translation>Import Rules File</translation>
    </message>
    <message>
        <source>规则文件 {name} 未导入：</source>
        <translation>Rules file {name} not imported: </translation>
    </message>
    <message>
        <source>已导入规则文件 {name}</source>
        <translation>Rules file {name} imported</translation>
    </message>
    <message>
        <source>导出规则文件</source>
        <translation>Export Rules File</translation>
    </message>
    <message>
        <source>未导出：</source>
        <translation>Not exported: </translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>年度结转</source>
        <translation>Close the Year</translation>
    </message>
    <message>
        <source>年度结转后“{name}”（{year} 年度）及其全部补贴申请将被冻结，不能再修改。
请填写结转说明：</source>
        <translation>After closing, “{name}” ({year}) and all its subsidy applications are frozen and can no longer be changed.
Please give a closing note:</translation>
    </message>
    <message>
        <source>未结转：</source>
        <translation>Not closed: </translation>
    </message>
    <message>
        <source>已年度结转，本年度数据已冻结</source>
        <translation>Year closed; its data is frozen</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>继续导入其他文件</source>
        <translation>Import another file</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>保险机构清单对账</source>
        <translation>Insurer List Reconciliation</translation>
    </message>
    <message>
        <source>保险机构提供的保单清单（.xlsx、.xls、.csv）</source>
        <translation>The insurer&apos;s policy list (.xlsx, .xls, .csv)</translation>
    </message>
    <message>
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>列对应(&amp;M)…</source>
        <translation>Column &amp;mapping…</translation>
    </message>
    <message>
        <source>指定清单中各列对应的字段；会为该机构记住</source>
        <translation>Match the list&apos;s columns to fields; remembered for this insurer</translation>
    </message>
    <message>
        <source>开始对账(&amp;R)</source>
        <translation>&amp;Reconcile</translation>
    </message>
    <message>
        <source>导出差异清单(&amp;E)…</source>
        <translation>&amp;Export differences…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保险机构(&amp;I)：</source>
        <translation>&amp;Insurer:</translation>
    </message>
    <message>
        <source>清单文件(&amp;F)：</source>
        <translation>List &amp;file:</translation>
    </message>
    <message>
        <source>把保险机构报送的保单清单与台账逐单核对：两边是否都有、保费、保险金额、保险期间和投保人是否一致。共保保单按全额或本机构份额比较均可。对账不改动台账。</source>
        <translation>Compare the insurer&apos;s policy list with the registers policy by policy: present on both sides, and the same premium, sum insured, period and policyholder. Co-insured policies may be compared in full or by this insurer&apos;s share. Reconciliation changes nothing.</translation>
    </message>
    <message>
        <source>选择保险机构的保单清单</source>
        <translation>Choose the Insurer&apos;s Policy List</translation>
    </message>
    <message>
        <source>请选择保险机构和清单文件。</source>
        <translation>Choose the insurer and the list file.</translation>
    </message>
    <message>
        <source>正在与{insurer_name}的清单「{name}」对账……</source>
        <translation>Reconciling with the {insurer_name} list “{name}”…</translation>
    </message>
    <message>
        <source>全部差异&#x3000;{n}</source>
        <translation>All differences  {n}</translation>
    </message>
    <message>
        <source>{group}&#x3000;{n}</source>
        <translation>{group}  {n}</translation>
    </message>
    <message>
        <source>。请指定清单各列对应的字段。</source>
        <translation>. Please match the list&apos;s columns to the fields.</translation>
    </message>
    <message>
        <source>程序没有认出这份清单的表头：请指定各列对应的字段。</source>
        <translation>The headers of this list were not recognised: please match its columns to the fields.</translation>
    </message>
    <message>
        <source>对账</source>
        <translation>reconcile</translation>
    </message>
    <message>
        <source>请先选择保险机构和清单文件。</source>
        <translation>Choose the insurer and the list file first.</translation>
    </message>
    <message>
        <source>无法从该文件读出表头：请确认它是保险机构的保单清单。</source>
        <translation>No headers could be read from this file: make sure it is an insurer&apos;s policy list.</translation>
    </message>
    <message>
        <source>工作表「{sheet}」第 {header_row} 行的列名。</source>
        <translation>Column names in row {header_row} of sheet “{sheet}”.</translation>
    </message>
    <message>
        <source>导出差异清单</source>
        <translation>Export Differences</translation>
    </message>
    <message>
        <source>已导出差异清单：{out}</source>
        <translation>Differences exported: {out}</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>编辑记录…</source>
        <translation>Edit record…</translation>
    </message>
    <message>
        <source>删除记录…</source>
        <translation>Delete record…</translation>
    </message>
    <message>
        <source>删除选中的记录（有其他记录引用时会被拒绝）</source>
        <translation>Delete the selected records (refused while other records refer to them)</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>“{title}”在其专门页面中办理</source>
        <translation>“{title}” is handled on its own page</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot Open</translation>
    </message>
    <message>
        <source>请先选择一条记录</source>
        <translation>Select a record first</translation>
    </message>
    <message>
        <source>请先选择要删除的记录</source>
        <translation>Select the records to delete first</translation>
    </message>
    <message>
        <source>删除{title}“{label}”？
删除后可用“撤销”（Ctrl+Z）恢复。</source>
        <translation>Delete {title} “{label}”?
Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <source>删除选中的 {n} 条{title}记录？
删除后可用“撤销”逐条恢复。</source>
        <translation>Delete the {n} selected {title} records?
Undo brings them back one by one.</translation>
    </message>
    <message>
        <source>确认删除</source>
        <translation>Confirm Deletion</translation>
    </message>
    <message>
        <source>删除 {n} 条{title}</source>
        <translation>Delete {n} {title} records</translation>
    </message>
    <message>
        <source>删除失败：{exc}</source>
        <translation>Deletion failed: {exc}</translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation>Cannot Delete</translation>
    </message>
    <message>
        <source>已删除 {done} 条；以下记录未删除：
</source>
        <translation>{done} deleted; these records were not deleted:
</translation>
    </message>
    <message>
        <source>已删除 {done} 条{title}记录（Ctrl+Z 撤销）</source>
        <translation>{done} {title} records deleted (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Cannot Complete</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>编辑{title}</source>
        <translation>Edit {title}</translation>
    </message>
    <message>
        <source>新建{title}</source>
        <translation>New {title}</translation>
    </message>
    <message>
        <source>忽略警告并保存…</source>
        <translation>Override warnings and save…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>&lt;b&gt;无法保存，请先修正以下问题：&lt;/b&gt;&lt;ul style=&apos;margin:2px 0&apos;&gt;{items}&lt;/ul&gt;</source>
        <translation>&lt;b&gt;Cannot save; please correct these first:&lt;/b&gt;&lt;ul style=&apos;margin:2px 0&apos;&gt;{items}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;有需要确认的警告：&lt;/b&gt;&lt;ul style=&apos;margin:2px 0&apos;&gt;{items}&lt;/ul&gt;如确认无误，请点“忽略警告并保存”并填写理由。</source>
        <translation>&lt;b&gt;Warnings to confirm:&lt;/b&gt;&lt;ul style=&apos;margin:2px 0&apos;&gt;{items}&lt;/ul&gt;If the data is correct, click “Override warnings and save” and give a reason.</translation>
    </message>
    <message>
        <source>&lt;b&gt;保存被拒绝：&lt;/b&gt;{message}</source>
        <translation>&lt;b&gt;Saving refused:&lt;/b&gt; {message}</translation>
    </message>
    <message>
        <source>忽略警告并保存</source>
        <translation>Override Warnings and Save</translation>
    </message>
    <message>
        <source>请填写忽略警告的理由（将记入审计日志）：</source>
        <translation>Reason for overriding the warnings (recorded in the audit log):</translation>
    </message>
    <message>
        <source>未填写理由，未保存。</source>
        <translation>No reason given; not saved.</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>{windowTitle}：有尚未保存的修改，是否保存？</source>
        <translation>{windowTitle}: there are unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>输入{hint}等查找…</source>
        <translation>Type {hint} etc. to search…</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>单击按“{header}”排序</source>
        <translation>Click to sort by “{header}”</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>正在查询…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>共 {total:,} 条</source>
        <translation>{total:,} records</translation>
    </message>
    <message>
        <source>（已筛选）</source>
        <translation> (filtered)</translation>
    </message>
    <message>
        <source>{title}详情</source>
        <translation>{title} details</translation>
    </message>
</context>
<context>
    <name>RemindersView</name>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>双击一条待办打开对应的记录</source>
        <translation>Double-click an item to open its record</translation>
    </message>
    <message>
        <source>{label}（{n}）</source>
        <translation>{label} ({n})</translation>
    </message>
    <message>
        <source>待办（{n:,}）</source>
        <translation>To do ({n:,})</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>生成报表</source>
        <translation>Generate Reports</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>全部试点项目</source>
        <translation>All pilot programmes</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>试点项目</source>
        <translation>Pilot programme</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Typical case</translation>
    </message>
    <message>
        <source>生成…</source>
        <translation>Generate…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>生成 PDF 报表后，在此预览、打印。</source>
        <translation>Generated PDF reports are previewed and printed here.</translation>
    </message>
    <message>
        <source>案例 {row}：{row2}</source>
        <translation>Case {row}: {row2}</translation>
    </message>
    <message>
        <source>{value} 年没有典型案例</source>
        <translation>No typical cases in {value}</translation>
    </message>
    <message>
        <source>请先选择一个典型案例。</source>
        <translation>Choose a typical case first.</translation>
    </message>
    <message>
        <source>保存{title}</source>
        <translation>Save {title}</translation>
    </message>
    <message>
        <source>正在生成{title}…</source>
        <translation>Generating {title}…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>此报表生成很快，不能中途取消</source>
        <translation>This report is quick and cannot be cancelled</translation>
    </message>
    <message>
        <source>已生成（共 {page_count} 页）：
{path}</source>
        <translation>Generated ({page_count} pages):
{path}</translation>
    </message>
    <message>
        <source>已生成，但无法预览：
{path}</source>
        <translation>Generated, but it cannot be previewed:
{path}</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;{name}&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;{n:,} 行&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;{name}&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;{n:,} rows&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;已导出 Excel 工作簿&lt;/h3&gt;&lt;p&gt;{path}&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;4&apos;&gt;{lines}&lt;/table&gt;&lt;p&gt;合计 {sum:,} 行数据。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Excel workbook exported&lt;/h3&gt;&lt;p&gt;{path}&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;4&apos;&gt;{lines}&lt;/table&gt;&lt;p&gt;{sum:,} data rows in total.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>已导出：
{path}</source>
        <translation>Exported:
{path}</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>增加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>删除此行</source>
        <translation>Delete this row</translation>
    </message>
</context>
<context>
    <name>RulesEditor</name>
    <message>
        <source>规则说明</source>
        <translation>About the rules</translation>
    </message>
    <message>
        <source>不设上限</source>
        <translation>No cap</translation>
    </message>
    <message>
        <source>{v}（{k}）</source>
        <translation>{v} ({k})</translation>
    </message>
    <message>
        <source>{label}第 {i} 档</source>
        <translation>{label}, tier {i}</translation>
    </message>
    <message>
        <source>{label}“{t}”不是整数</source>
        <translation>{label}: “{t}” is not a whole number</translation>
    </message>
    <message>
        <source>险种上限“{r}”</source>
        <translation>product cap “{r}”</translation>
    </message>
    <message>
        <source>上浮“{r}”的“{strip}”上限</source>
        <translation>cap “{strip}” of uplift “{r}”</translation>
    </message>
    <message>
        <source>上浮“{r}”的单户年度上限</source>
        <translation>annual cap per enterprise of uplift “{r}”</translation>
    </message>
    <message>
        <source>上浮“{r}”的比例</source>
        <translation>ratio of uplift “{r}”</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>常规设置</source>
        <translation>General</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>用户与权限</source>
        <translation>Users and permissions</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>单位信息</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>局名称</source>
        <translation>Bureau name</translation>
    </message>
    <message>
        <source>印在报告封面；留空则按地区自动生成</source>
        <translation>Printed on report covers; blank: derived from the region</translation>
    </message>
    <message>
        <source>办公室代码</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>字母、数字、- 或 _，用于数据交换</source>
        <translation>Letters, digits, - or _, used for data exchange</translation>
    </message>
    <message>
        <source>办公室名称</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>默认值与显示</source>
        <translation>Defaults and display</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10k yuan</translation>
    </message>
    <message>
        <source>{example}（{fmt}）</source>
        <translation>{example} ({fmt})</translation>
    </message>
    <message>
        <source>默认试点项目</source>
        <translation>Default programme</translation>
    </message>
    <message>
        <source>金额显示单位</source>
        <translation>Amount unit</translation>
    </message>
    <message>
        <source>日期格式</source>
        <translation>Date format</translation>
    </message>
    <message>
        <source>重启后生效</source>
        <translation>Takes effect after a restart</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>保存设置</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>保留规则</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>现有备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>当前数据库</source>
        <translation>Current database</translation>
    </message>
    <message>
        <source>查看审计日志</source>
        <translation>Show audit log</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>当前用户</source>
        <translation>Current user</translation>
    </message>
    <message>
        <source>{generations} 份自动备份</source>
        <translation>{generations} automatic backups</translation>
    </message>
    <message>
        <source>，最新：{latest}</source>
        <translation>, latest: {latest}</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>已保存 {n} 项设置</source>
        <translation>{n} settings saved</translation>
    </message>
    <message>
        <source>设置没有变化</source>
        <translation>No settings changed</translation>
    </message>
    <message>
        <source>界面语言将在重启后生效</source>
        <translation>the language changes after a restart</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>保存失败：{exc}</source>
        <translation>Saving failed: {exc}</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SubsidyUi</name>
    <message>
        <source>办理与测算</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>理赔流程</source>
        <translation>Claim workflow</translation>
    </message>
    <message>
        <source>新建申请…</source>
        <translation>New application…</translation>
    </message>
    <message>
        <source>选中的申请：</source>
        <translation>Selected applications:</translation>
    </message>
    <message>
        <source>试点项目与规则…</source>
        <translation>Programmes and rules…</translation>
    </message>
    <message>
        <source>导出公示名单…</source>
        <translation>Export public notice list…</translation>
    </message>
    <message>
        <source>补贴(&amp;S)</source>
        <translation>&amp;Subsidies</translation>
    </message>
    <message>
        <source>新建补贴申请…</source>
        <translation>New subsidy application…</translation>
    </message>
    <message>
        <source>每个试点项目年度一套补贴规则：比例、上浮、上限、资格条件、唯一性与取整；规则可导入导出为 TOML 文件，年底办结后年度结转。</source>
        <translation>Each pilot programme year has one set of subsidy rules: ratios, uplifts, caps, eligibility, uniqueness and rounding. Rules can be imported and exported as TOML files; a finished year is closed.</translation>
    </message>
    <message>
        <source>打开试点项目与规则…</source>
        <translation>Open programmes and rules…</translation>
    </message>
    <message>
        <source>试点项目</source>
        <translation>Pilot programme</translation>
    </message>
    <message>
        <source>已选择 {n} 件申请：可用上方“批量…”按钮一并办理</source>
        <translation>{n} applications selected: process them together with the “Bulk …” buttons above</translation>
    </message>
    <message>
        <source>已选择 {n} 件理赔</source>
        <translation>{n} claims selected</translation>
    </message>
    <message>
        <source>已录入补贴申请并完成测算</source>
        <translation>Subsidy application entered and calculated</translation>
    </message>
</context>
<context>
    <name>TextLine</name>
    <message>
        <source>粘贴的内容过长（{n:,} 字），本栏最多 {maxLength} 字，未粘贴</source>
        <translation>The pasted text is too long ({n:,} characters; at most {maxLength}); not pasted</translation>
    </message>
</context>
<context>
    <name>TextTable</name>
    <message>
        <source>增加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>申请 {get}</source>
        <translation>application {get}</translation>
    </message>
    <message>
        <source>选中的 {count} 件申请</source>
        <translation>the {count} selected applications</translation>
    </message>
    <message>
        <source>公示开始日期</source>
        <translation>Public notice from</translation>
    </message>
    <message>
        <source>公示结束日期</source>
        <translation>Public notice until</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>公示期</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>{get} 至 {get2}</source>
        <translation>{get} to {get2}</translation>
    </message>
    <message>
        <source>付款凭证号</source>
        <translation>Payment voucher no.</translation>
    </message>
    <message>
        <source>拨付金额（元）</source>
        <translation>Payment (yuan)</translation>
    </message>
    <message>
        <source>凭证号前缀</source>
        <translation>Voucher prefix</translation>
    </message>
    <message>
        <source>凭证号 = 前缀 + 批次 + 三位序号，如 PZ-20250301-第1批-001</source>
        <translation>Voucher no. = prefix + batch + 3-digit number, e.g. PZ-20250301-第1批-001</translation>
    </message>
    <message>
        <source>拨付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>拨付批次</source>
        <translation>Payment batch</translation>
    </message>
    <message>
        <source>追回金额（元）</source>
        <translation>Clawback (yuan)</translation>
    </message>
    <message>
        <source>可追回 {left} 元（已拨付 {yuan} 元，已追回 {yuan2} 元）</source>
        <translation>Up to {left} yuan can be clawed back (paid {yuan} yuan, clawed back {yuan2} yuan)</translation>
    </message>
    <message>
        <source>同时将企业列入黑名单</source>
        <translation>Also blacklist the enterprise</translation>
    </message>
    <message>
        <source>留空则用追回理由</source>
        <translation>Blank: the clawback reason</translation>
    </message>
    <message>
        <source>列入黑名单理由</source>
        <translation>Blacklist reason</translation>
    </message>
    <message>
        <source>补正后实缴保费（元）</source>
        <translation>Corrected premium paid (yuan)</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>可不填（默认记为“{label}”）</source>
        <translation>Optional (recorded as “{label}” if blank)</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>（必填）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{label}必须填写理由</source>
        <translation>“{label}” needs a reason</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>登记可信办公室</source>
        <translation>Register Trusted Office</translation>
    </message>
    <message>
        <source>登记后接受该办公室签名的数据包。请与对方核对公钥指纹，确认公钥文件确实来自对方。</source>
        <translation>Packages signed by a registered office are accepted. Compare the key fingerprint with the other office to make sure the key file really comes from them.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>办公室代码：</source>
        <translation>Office code:</translation>
    </message>
    <message>
        <source>办公室名称：</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>公钥文件：</source>
        <translation>Public key file:</translation>
    </message>
    <message>
        <source>公钥指纹：</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择对方的公钥文件</source>
        <translation>Choose the Other Office&apos;s Public Key File</translation>
    </message>
</context>
<context>
    <name>UndoManager</name>
    <message>
        <source>无法{what}“{text}”：{message}</source>
        <translation>Cannot {what} “{text}”: {message}</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>新增用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>启用/解锁</source>
        <translation>Activate / unlock</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>锁定至 {until:%H:%M}</source>
        <translation>Locked until {until:%H:%M}</translation>
    </message>
    <message>
        <source>已设置</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>已添加用户 {username}：{label}</source>
        <translation>User {username} added: {label}</translation>
    </message>
    <message>
        <source>编辑用户 {username}</source>
        <translation>Edit User {username}</translation>
    </message>
    <message>
        <source>已保存用户 {username}：{label}</source>
        <translation>User {username} saved: {label}</translation>
    </message>
    <message>
        <source>重置 {name} 的密码</source>
        <translation>Reset the Password of {name}</translation>
    </message>
    <message>
        <source>已重置 {name} 的密码，并解除登录锁定</source>
        <translation>Password of {name} reset and login lock removed</translation>
    </message>
    <message>
        <source>已停用用户 {username}</source>
        <translation>User {username} deactivated</translation>
    </message>
    <message>
        <source>已启用并解锁用户 {username}</source>
        <translation>User {username} activated and unlocked</translation>
    </message>
</context>
<context>
    <name>YearChart</name>
    <message>
        <source>历年风险保障金额与服务企业数</source>
        <translation>Sum insured and enterprises served by year</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10k yuan</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>100M yuan</translation>
    </message>
    <message>
        <source>风险保障金额（{unit}）</source>
        <translation>Sum insured ({unit})</translation>
    </message>
    <message>
        <source>服务企业（家）</source>
        <translation>Enterprises served</translation>
    </message>
    <message>
        <source>{y}年</source>
        <translation>{y}</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>至少 8 位，须同时包含字母和数字</source>
        <translation>At least 8 characters, with letters and digits</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <source>工作台数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Workbench databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>备份数据库</source>
        <translation>Back Up the Database</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {p}</source>
        <translation>Backed up to {p}</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup Failed</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot Restore</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a Backup File</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>用备份 {name} 替换当前数据库 {name2}？
当前数据会先另存一份，恢复后需要重新登录。</source>
        <translation>Replace the current database {name2} with the backup {name}?
The current data is saved aside first; you log in again after restoring.</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Restore Failed</translation>
    </message>
    <message>
        <source>已从 {source} 恢复；恢复前的数据库另存为 {kept}</source>
        <translation>Restored from {source}; the previous database was kept as {kept}</translation>
    </message>
</context>
<context>
    <name>forms.pickers</name>
    <message>
        <source>（企业 #{id} 不存在）</source>
        <translation>(enterprise #{id} does not exist)</translation>
    </message>
    <message>
        <source>（保单 #{id} 不存在）</source>
        <translation>(policy #{id} does not exist)</translation>
    </message>
    <message>
        <source>（理赔 #{id} 不存在）</source>
        <translation>(claim #{id} does not exist)</translation>
    </message>
</context>
<context>
    <name>forms.widgets</name>
    <message>
        <source>（未知代码）</source>
        <translation>(unknown code)</translation>
    </message>
</context>
<context>
    <name>importing.column_map_dialog</name>
    <message>
        <source>（不对应）</source>
        <translation>(not mapped)</translation>
    </message>
</context>
<context>
    <name>importing.common</name>
    <message>
        <source>电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv);;All files (*)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>无法读写文件：{strerror}</source>
        <translation>Cannot read or write the file: {strerror}</translation>
    </message>
    <message>
        <source>{what}失败：{exc}</source>
        <translation>Could not {what}: {exc}</translation>
    </message>
</context>
<context>
    <name>importing.menu</name>
    <message>
        <source>导入数据(&amp;I)…</source>
        <translation>&amp;Import data…</translation>
    </message>
    <message>
        <source>从 Excel/WPS/CSV 表格导入企业、知识产权、保单或理赔台账（先检查后写入）</source>
        <translation>Import enterprises, IP rights, policies or claims from Excel/WPS/CSV sheets (checked before writing)</translation>
    </message>
    <message>
        <source>下载导入模板…</source>
        <translation>Import template…</translation>
    </message>
    <message>
        <source>生成空白导入模板：中文表头、示例行、下拉选项和填写说明</source>
        <translation>Create a blank import template: Chinese headers, an example row, drop-down choices and instructions</translation>
    </message>
    <message>
        <source>保险机构清单对账…</source>
        <translation>Reconcile an insurer&apos;s list…</translation>
    </message>
    <message>
        <source>把保险机构的保单清单与台账逐单核对，列出差异</source>
        <translation>Compare an insurer&apos;s policy list with the registers and list the differences</translation>
    </message>
</context>
<context>
    <name>importing.plan_model</name>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>关键字</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>变更</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>险种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>保险机构</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>忽略警告的理由</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <source>承保知识产权</source>
        <translation>Insured IP rights</translation>
    </message>
    <message>
        <source>费用明细</source>
        <translation>Cost items</translation>
    </message>
    <message>
        <source>赔付记录</source>
        <translation>Claim payments</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{value} 元</source>
        <translation>{value} yuan</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{kind}：{k} → {k2}</source>
        <translation>{kind}: {k} → {k2}</translation>
    </message>
    <message>
        <source>{column} 列「{header}」：{message}</source>
        <translation>column {column} “{header}”: {message}</translation>
    </message>
    <message>
        <source>{column} 列「{header}」：</source>
        <translation>column {column} “{header}”: </translation>
    </message>
    <message>
        <source>（已忽略警告）{where}{message}</source>
        <translation>(warning overridden) {where}{message}</translation>
    </message>
</context>
<context>
    <name>importing.reconcile_dialog</name>
    <message>
        <source>不一致</source>
        <translation>Different</translation>
    </message>
    <message>
        <source>仅清单有</source>
        <translation>Only in the list</translation>
    </message>
    <message>
        <source>仅台账有</source>
        <translation>Only in the registers</translation>
    </message>
    <message>
        <source>清单重复</source>
        <translation>Duplicate in the list</translation>
    </message>
    <message>
        <source>清单有误</source>
        <translation>Invalid in the list</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>差异类型</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Registers</translation>
    </message>
    <message>
        <source>保险机构清单</source>
        <translation>Insurer list</translation>
    </message>
    <message>
        <source>清单位置</source>
        <translation>List position</translation>
    </message>
</context>
<context>
    <name>importing.wizard</name>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>importing.wizard_pages</name>
    <message>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>IP rights</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>理赔</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>补贴申报</source>
        <translation>Subsidy applications</translation>
    </message>
</context>
<context>
    <name>input_method</name>
    <message>
        <source>或安装与本程序 Qt 版本（6.x）一致的 fcitx5-frontend-qt6 插件并设置 QT_PLUGIN_PATH。</source>
        <translation>or install the fcitx5-frontend-qt6 plugin matching this program&apos;s Qt version (6.x) and set QT_PLUGIN_PATH.</translation>
    </message>
    <message>
        <source>检测到 fcitx（第 4 版）输入法，但本程序自带的 Qt 没有 fcitx 插件，可能无法输入中文。建议改用 fcitx5（它兼容 ibus，本程序会自动切换），或改用 ibus 输入法，</source>
        <translation>fcitx (version 4) was detected, but the Qt shipped with this program has no fcitx plugin, so Chinese input may not work. Use fcitx5 (ibus-compatible; the program switches automatically) or the ibus input method, </translation>
    </message>
    <message>
        <source>检测到 {name} 输入法，但本程序的 Qt 既没有 fcitx 插件也没有 ibus 插件，无法输入中文。</source>
        <translation>The {name} input method was detected, but this program&apos;s Qt has neither an fcitx nor an ibus plugin, so Chinese cannot be typed.</translation>
    </message>
    <message>
        <source>检测到 {name} 输入法，本程序自带的 Qt 没有 fcitx 插件，已自动改用 ibus 兼容方式（QT_IM_MODULE=ibus，fcitx5 默认提供 ibus 前端）。如仍无法输入中文，请在 fcitx5 配置中启用“IBus 前端”附加组件，</source>
        <translation>The {name} input method was detected; the Qt shipped with this program has no fcitx plugin, so the ibus-compatible mode is used (QT_IM_MODULE=ibus; fcitx5 provides an ibus frontend by default). If Chinese input still fails, enable the “IBus Frontend” add-on in the fcitx5 configuration, </translation>
    </message>
    <message>
        <source>设置 IPDESK_KEEP_IM_MODULE=1 可关闭自动切换。</source>
        <translation>Set IPDESK_KEEP_IM_MODULE=1 to turn off the automatic switch.</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>知识产权保险试点工作台</source>
        <translation>IP Insurance Pilot Workbench</translation>
    </message>
    <message>
        <source>工作台数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Workbench databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>IP rights</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>补贴</source>
        <translation>Subsidies</translation>
    </message>
    <message>
        <source>理赔</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Typical cases</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>models.audit_model</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录 UUID</source>
        <translation>Record UUID</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>变更摘要</source>
        <translation>Summary of changes</translation>
    </message>
</context>
<context>
    <name>models.formatting</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>100M yuan</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10k yuan</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
</context>
<context>
    <name>navigation</name>
    <message>
        <source>企业：{name}</source>
        <translation>Enterprise: {name}</translation>
    </message>
    <message>
        <source>保单：{no}</source>
        <translation>Policy: {no}</translation>
    </message>
    <message>
        <source>承保：{number}</source>
        <translation>Insuring: {number}</translation>
    </message>
    <message>
        <source>补贴申请的关联跳转由补贴页面提供</source>
        <translation>Links of subsidy applications are on the subsidy page</translation>
    </message>
    <message>
        <source>不支持从“{source}”跳转到“{target}”</source>
        <translation>No link from “{source}” to “{target}”</translation>
    </message>
</context>
<context>
    <name>pages.audit_page</name>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
</context>
<context>
    <name>pages.dashboard</name>
    <message>
        <source>服务企业</source>
        <translation>Enterprises served</translation>
    </message>
    <message>
        <source>承保知识产权</source>
        <translation>Insured IP rights</translation>
    </message>
    <message>
        <source>风险保障金额</source>
        <translation>Sum insured</translation>
    </message>
    <message>
        <source>保费</source>
        <translation>Premium</translation>
    </message>
    <message>
        <source>核定补贴</source>
        <translation>Subsidy approved</translation>
    </message>
    <message>
        <source>已拨付补贴</source>
        <translation>Subsidy paid</translation>
    </message>
    <message>
        <source>已赔付金额</source>
        <translation>Claims paid</translation>
    </message>
    <message>
        <source>赔付率</source>
        <translation>Loss ratio</translation>
    </message>
</context>
<context>
    <name>pages.reports_page</name>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>年度总结报告（PDF）</source>
        <translation>Annual report (PDF)</translation>
    </message>
    <message>
        <source>封面、目录、总体情况、图表、分产品/地区/机构统计、典型案例与附录。</source>
        <translation>Cover, contents, overview, charts, statistics by product/region/insurer, typical cases and appendix.</translation>
    </message>
    <message>
        <source>典型案例汇编（PDF）</source>
        <translation>Typical cases (PDF)</translation>
    </message>
    <message>
        <source>所选年度的全部典型案例，按案例格式排版。</source>
        <translation>All typical cases of the chosen year, in case layout.</translation>
    </message>
    <message>
        <source>单个典型案例（PDF）</source>
        <translation>One typical case (PDF)</translation>
    </message>
    <message>
        <source>一个典型案例，按案例格式排版。</source>
        <translation>One typical case, in case layout.</translation>
    </message>
    <message>
        <source>补贴资金拨付明细表（Excel）</source>
        <translation>Subsidy payment schedule (Excel)</translation>
    </message>
    <message>
        <source>保费补贴资金拨付明细表、汇总表，含 SUM 公式与大写金额。</source>
        <translation>Premium subsidy payment schedule and summary, with SUM formulas and amounts in Chinese capitals.</translation>
    </message>
    <message>
        <source>台账导出（Excel）</source>
        <translation>Register export (Excel)</translation>
    </message>
    <message>
        <source>企业、知识产权、保单、补贴、理赔台账，每类一个工作表。</source>
        <translation>Enterprise, IP right, policy, subsidy and claim registers, one sheet each.</translation>
    </message>
    <message>
        <source>已取消，未生成文件。</source>
        <translation>Cancelled; no file was generated.</translation>
    </message>
    <message>
        <source>无法写入文件：{strerror}</source>
        <translation>Cannot write the file: {strerror}</translation>
    </message>
    <message>
        <source>生成失败：{exc}</source>
        <translation>Generation failed: {exc}</translation>
    </message>
</context>
<context>
    <name>pages.users_page</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>登录锁定</source>
        <translation>Login lock</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>registers</name>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>企业名称、信用代码、行业、联系人</source>
        <translation>enterprise name, USCC, industry, contact</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>企业标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>知识产权（件）</source>
        <translation>IP rights</translation>
    </message>
    <message>
        <source>保单（份）</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>累计保额（万元）</source>
        <translation>Total sum insured (10k yuan)</translation>
    </message>
    <message>
        <source>黑名单</source>
        <translation>Blacklist</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>列入黑名单原因</source>
        <translation>Blacklist reason</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>投保年度</source>
        <translation>Policy year</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>IP right</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>补贴申请</source>
        <translation>Subsidy application</translation>
    </message>
    <message>
        <source>理赔</source>
        <translation>Claim</translation>
    </message>
    <message>
        <source>编号、名称、权利人、企业名称</source>
        <translation>number, name, owner, enterprise name</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>权利人企业</source>
        <translation>Owner enterprise</translation>
    </message>
    <message>
        <source>申请日</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <source>授权日</source>
        <translation>Grant date</translation>
    </message>
    <message>
        <source>届满日</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>高价值</source>
        <translation>High value</translation>
    </message>
    <message>
        <source>投保（次）</source>
        <translation>Times insured</translation>
    </message>
    <message>
        <source>尼斯分类</source>
        <translation>Nice class</translation>
    </message>
    <message>
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>所属企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>投保保单</source>
        <translation>Policies</translation>
    </message>
    <message>
        <source>保单号、企业名称、信用代码</source>
        <translation>policy no., enterprise name, USCC</translation>
    </message>
    <message>
        <source>保单号</source>
        <translation>Policy no.</translation>
    </message>
    <message>
        <source>投保企业</source>
        <translation>Policyholder</translation>
    </message>
    <message>
        <source>险种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>承保机构</source>
        <translation>Insurers</translation>
    </message>
    <message>
        <source>保险金额（元）</source>
        <translation>Sum insured (yuan)</translation>
    </message>
    <message>
        <source>保费（元）</source>
        <translation>Premium (yuan)</translation>
    </message>
    <message>
        <source>实缴保费（元）</source>
        <translation>Premium paid (yuan)</translation>
    </message>
    <message>
        <source>起保日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>终止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>境外</source>
        <translation>Overseas</translation>
    </message>
    <message>
        <source>保险责任类别</source>
        <translation>Cover type</translation>
    </message>
    <message>
        <source>签单日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>含境外责任</source>
        <translation>Includes overseas cover</translation>
    </message>
    <message>
        <source>保险机构</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <source>起保年度</source>
        <translation>Policy year</translation>
    </message>
    <message>
        <source>到期区间</source>
        <translation>Expiring</translation>
    </message>
    <message>
        <source>知识产权类型</source>
        <translation>IP right type</translation>
    </message>
    <message>
        <source>承保知识产权</source>
        <translation>Insured IP rights</translation>
    </message>
    <message>
        <source>补贴</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <source>申请编号、保单号、企业名称、凭证号</source>
        <translation>application no., policy no., enterprise name, voucher no.</translation>
    </message>
    <message>
        <source>申请编号</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <source>申请企业</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>试点项目</source>
        <translation>Pilot programme</translation>
    </message>
    <message>
        <source>测算补贴（元）</source>
        <translation>Calculated subsidy (yuan)</translation>
    </message>
    <message>
        <source>核定补贴（元）</source>
        <translation>Approved subsidy (yuan)</translation>
    </message>
    <message>
        <source>已拨付（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>申报日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>拨付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>项目年度</source>
        <translation>Programme year</translation>
    </message>
    <message>
        <source>已追回（元）</source>
        <translation>Clawed back (yuan)</translation>
    </message>
    <message>
        <source>公示期</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>批准日期</source>
        <translation>Approved on</translation>
    </message>
    <message>
        <source>付款凭证号</source>
        <translation>Payment voucher no.</translation>
    </message>
    <message>
        <source>拨付批次</source>
        <translation>Payment batch</translation>
    </message>
    <message>
        <source>测算说明</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <source>流转记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>案件编号、保单号、企业、对方当事人、案号</source>
        <translation>claim no., policy no., enterprise, counterparty, case number</translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation>Claim no.</translation>
    </message>
    <message>
        <source>被保险企业</source>
        <translation>Insured enterprise</translation>
    </message>
    <message>
        <source>对方当事人</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>报案日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>申请金额（元）</source>
        <translation>Claimed (yuan)</translation>
    </message>
    <message>
        <source>已赔付（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>受理法院/机构</source>
        <translation>Court / body</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>法域</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>境外案件</source>
        <translation>Overseas case</translation>
    </message>
    <message>
        <source>判决金额（元）</source>
        <translation>Judgement (yuan)</translation>
    </message>
    <message>
        <source>和解金额（元）</source>
        <translation>Settlement (yuan)</translation>
    </message>
    <message>
        <source>案情</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>报案年度</source>
        <translation>Year reported</translation>
    </message>
    <message>
        <source>保单起保年度</source>
        <translation>Policy year</translation>
    </message>
    <message>
        <source>费用明细</source>
        <translation>Cost items</translation>
    </message>
    <message>
        <source>赔付记录</source>
        <translation>Claim payments</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>Typical case</translation>
    </message>
    <message>
        <source>案例名称、地区、主体、产品</source>
        <translation>case title, region, parties, product</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>案例名称</source>
        <translation>Case title</translation>
    </message>
    <message>
        <source>相关地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>保险产品</source>
        <translation>Insurance product</translation>
    </message>
    <message>
        <source>条款归属</source>
        <translation>Clause type</translation>
    </message>
    <message>
        <source>相关保险机构</source>
        <translation>Insurers</translation>
    </message>
    <message>
        <source>（一）相关地区</source>
        <translation>(1) Region</translation>
    </message>
    <message>
        <source>（二）相关主体</source>
        <translation>(2) Parties</translation>
    </message>
    <message>
        <source>（三）保险产品</source>
        <translation>(3) Insurance product</translation>
    </message>
    <message>
        <source>（四）条款归属</source>
        <translation>(4) Clause type</translation>
    </message>
    <message>
        <source>（五）知识产权类型</source>
        <translation>(5) IP right types</translation>
    </message>
    <message>
        <source>（六）相关保险机构</source>
        <translation>(6) Insurers</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>创新点</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <source>实施效果</source>
        <translation>Effect</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>空数据库</source>
        <translation>Empty Database</translation>
    </message>
    <message>
        <source>当前数据库中还没有任何企业。
是否写入一套演示数据（约 300 家企业）以便熟悉功能？</source>
        <translation>The database has no enterprises yet.
Write a set of demo data (about 300 enterprises) to get to know the app?</translation>
    </message>
    <message>
        <source>数据库提示</source>
        <translation>Database Notice</translation>
    </message>
</context>
<context>
    <name>subsidy.budget_view</name>
    <message>
        <source>年度预算</source>
        <translation>Annual budget</translation>
    </message>
    <message>
        <source>已批准未拨付</source>
        <translation>Approved, unpaid</translation>
    </message>
    <message>
        <source>已拨付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已追回</source>
        <translation>Clawed back</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
</context>
<context>
    <name>subsidy.bulk_actions</name>
    <message>
        <source>批量初审</source>
        <translation>Bulk first review</translation>
    </message>
    <message>
        <source>批量复核</source>
        <translation>Bulk second review</translation>
    </message>
    <message>
        <source>批量公示</source>
        <translation>Bulk public notice</translation>
    </message>
    <message>
        <source>批量批准</source>
        <translation>Bulk approval</translation>
    </message>
    <message>
        <source>批量拨付</source>
        <translation>Bulk payment</translation>
    </message>
    <message>
        <source>{message}

被拒绝的是第 {position} 项：申请 {no}。
本批次未做任何更改。</source>
        <translation>{message}

Refused at item {position}: application {no}.
Nothing in this batch was changed.</translation>
    </message>
    <message>
        <source>

本批次未做任何更改。</source>
        <translation>

Nothing in this batch was changed.</translation>
    </message>
</context>
<context>
    <name>subsidy.common</name>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>操作失败：{exc}</source>
        <translation>Operation failed: {exc}</translation>
    </message>
</context>
<context>
    <name>subsidy.programme_editor</name>
    <message>
        <source>补贴规则文件 (*.toml);;所有文件 (*)</source>
        <translation>Subsidy rule files (*.toml);;All files (*)</translation>
    </message>
</context>
<context>
    <name>subsidy.publicity_export</name>
    <message>
        <source>PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)</source>
        <translation>PDF files (*.pdf);;Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>导出公示名单</source>
        <translation>Export Public Notice List</translation>
    </message>
    <message>
        <source>还没有试点项目</source>
        <translation>No pilot programmes yet</translation>
    </message>
    <message>
        <source>{name}（{year} 年度）</source>
        <translation>{name} ({year})</translation>
    </message>
    <message>
        <source>试点项目：</source>
        <translation>Pilot programme:</translation>
    </message>
    <message>
        <source>公示名单已导出：{result}</source>
        <translation>Public notice list exported: {result}</translation>
    </message>
    <message>
        <source>未能导出公示名单</source>
        <translation>Public Notice List Not Exported</translation>
    </message>
</context>
<context>
    <name>subsidy.rules_editor</name>
    <message>
        <source>企业此前获补贴的年度数</source>
        <translation>Years the enterprise was subsidised before</translation>
    </message>
    <message>
        <source>本项目中的第几次申报</source>
        <translation>Application count in this programme</translation>
    </message>
    <message>
        <source>试点第几年（所有企业相同）</source>
        <translation>Pilot year (the same for all enterprises)</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>同一年度内只补贴一次</source>
        <translation>Once per year</translation>
    </message>
    <message>
        <source>试点期间只补贴一次</source>
        <translation>Once during the pilot</translation>
    </message>
    <message>
        <source>企业年度合计保费</source>
        <translation>Enterprise&apos;s annual total premium</translation>
    </message>
    <message>
        <source>每张保单保费</source>
        <translation>Premium of each policy</translation>
    </message>
    <message>
        <source>不予补贴（整笔拒绝）</source>
        <translation>No subsidy (refuse in full)</translation>
    </message>
    <message>
        <source>按剩余预算部分补贴</source>
        <translation>Partial subsidy up to the remaining budget</translation>
    </message>
    <message>
        <source>比例与阶梯</source>
        <translation>Ratios and tiers</translation>
    </message>
    <message>
        <source>基础补贴比例</source>
        <translation>Base subsidy ratio</translation>
    </message>
    <message>
        <source>如 50%</source>
        <translation>e.g. 50%</translation>
    </message>
    <message>
        <source>补贴比例上限</source>
        <translation>Maximum ratio</translation>
    </message>
    <message>
        <source>上浮后也不超过</source>
        <translation>Not exceeded even after uplifts</translation>
    </message>
    <message>
        <source>分企业类型比例</source>
        <translation>Ratio by enterprise type</translation>
    </message>
    <message>
        <source>企业带多个类型时取最高者</source>
        <translation>The highest applies to enterprises with several types</translation>
    </message>
    <message>
        <source>阶梯计次口径</source>
        <translation>Tier counting basis</translation>
    </message>
    <message>
        <source>按次数比例阶梯</source>
        <translation>Ratio tiers by count</translation>
    </message>
    <message>
        <source>第一次、第二次…，如 75%，50%，30%；超出后重复最后一档</source>
        <translation>1st, 2nd…, e.g. 75%，50%，30%; the last tier repeats</translation>
    </message>
    <message>
        <source>分企业类型阶梯</source>
        <translation>Tiers by enterprise type</translation>
    </message>
    <message>
        <source>如 单项冠军：100%，80%</source>
        <translation>e.g. 单项冠军：100%，80%</translation>
    </message>
    <message>
        <source>试点第几年</source>
        <translation>Pilot year</translation>
    </message>
    <message>
        <source>仅“试点第几年”口径使用</source>
        <translation>Used only with the “pilot year” basis</translation>
    </message>
    <message>
        <source>上浮</source>
        <translation>Uplifts</translation>
    </message>
    <message>
        <source>上浮条件</source>
        <translation>Uplift conditions</translation>
    </message>
    <message>
        <source>条件：高价值专利、海外市场、一带一路，或 tag:企业类型</source>
        <translation>Conditions: 高价值专利, 海外市场, 一带一路, or tag:enterprise type</translation>
    </message>
    <message>
        <source>上限</source>
        <translation>Caps</translation>
    </message>
    <message>
        <source>单保单上限（元）</source>
        <translation>Cap per policy (yuan)</translation>
    </message>
    <message>
        <source>不设上限请留空</source>
        <translation>Blank for no cap</translation>
    </message>
    <message>
        <source>单保单上限阶梯（元）</source>
        <translation>Cap per policy by count (yuan)</translation>
    </message>
    <message>
        <source>如 300000，200000</source>
        <translation>e.g. 300000，200000</translation>
    </message>
    <message>
        <source>单件知识产权上限（元）</source>
        <translation>Cap per IP right (yuan)</translation>
    </message>
    <message>
        <source>单户年度上限（元）</source>
        <translation>Annual cap per enterprise (yuan)</translation>
    </message>
    <message>
        <source>分类型单户年度上限</source>
        <translation>Annual cap per enterprise by type</translation>
    </message>
    <message>
        <source>分险种单户年度上限</source>
        <translation>Annual cap per enterprise by product</translation>
    </message>
    <message>
        <source>险种可写“*”表示任何险种</source>
        <translation>Product “*” means any product</translation>
    </message>
    <message>
        <source>项目年度总额上限（元）</source>
        <translation>Programme annual total cap (yuan)</translation>
    </message>
    <message>
        <source>预算用尽时</source>
        <translation>When the budget runs out</translation>
    </message>
    <message>
        <source>资格条件</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>限定企业类型（任一）</source>
        <translation>Enterprise types (any of)</translation>
    </message>
    <message>
        <source>不勾选则不限</source>
        <translation>None ticked: no restriction</translation>
    </message>
    <message>
        <source>可申报险种</source>
        <translation>Eligible products</translation>
    </message>
    <message>
        <source>排除黑名单企业</source>
        <translation>Exclude blacklisted enterprises</translation>
    </message>
    <message>
        <source>排除已退保/终止保单</source>
        <translation>Exclude cancelled / terminated policies</translation>
    </message>
    <message>
        <source>保费须全额缴纳</source>
        <translation>Premium must be paid in full</translation>
    </message>
    <message>
        <source>须承诺未重复申报</source>
        <translation>Declaration of no double funding required</translation>
    </message>
    <message>
        <source>排除已获其他部门资助</source>
        <translation>Exclude funding from other departments</translation>
    </message>
    <message>
        <source>知识产权剩余有效期（年）≥</source>
        <translation>Remaining IP term (years) ≥</translation>
    </message>
    <message>
        <source>不限请留空</source>
        <translation>Blank for no limit</translation>
    </message>
    <message>
        <source>合同日期起</source>
        <translation>Contract date from</translation>
    </message>
    <message>
        <source>合同日期止</source>
        <translation>Contract date to</translation>
    </message>
    <message>
        <source>最低保费（元）</source>
        <translation>Minimum premium (yuan)</translation>
    </message>
    <message>
        <source>最低保费口径</source>
        <translation>Minimum premium basis</translation>
    </message>
    <message>
        <source>最高保费费率</source>
        <translation>Maximum premium rate</translation>
    </message>
    <message>
        <source>保费 ÷ 保险金额，不限请留空</source>
        <translation>premium ÷ sum insured; blank for no limit</translation>
    </message>
    <message>
        <source>境外最高保费费率</source>
        <translation>Maximum overseas premium rate</translation>
    </message>
    <message>
        <source>唯一性</source>
        <translation>Uniqueness</translation>
    </message>
    <message>
        <source>同一知识产权同一险种</source>
        <translation>Same IP right, same product</translation>
    </message>
    <message>
        <source>每张保单只补贴一次</source>
        <translation>Each policy subsidised once</translation>
    </message>
    <message>
        <source>取整</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <source>舍入规则</source>
        <translation>Rounding rule</translation>
    </message>
    <message>
        <source>舍入到</source>
        <translation>Round to</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>政策出处</source>
        <translation>Policy source</translation>
    </message>
    <message>
        <source>口径说明</source>
        <translation>Notes on the basis</translation>
    </message>
    <message>
        <source>企业类型</source>
        <translation>Enterprise type</translation>
    </message>
    <message>
        <source>比例</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <source>各档比例</source>
        <translation>Tier ratios</translation>
    </message>
    <message>
        <source>上限（元）</source>
        <translation>Cap (yuan)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>险种</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>上浮比例</source>
        <translation>Uplift</translation>
    </message>
    <message>
        <source>险种上限（组=元）</source>
        <translation>Product caps (group=yuan)</translation>
    </message>
    <message>
        <source>{label}“{text}”不是百分比（如 50%）</source>
        <translation>{label}: “{text}” is not a percentage (e.g. 50%)</translation>
    </message>
    <message>
        <source>{label}“{text}”最多两位小数</source>
        <translation>{label}: “{text}” has more than two decimals</translation>
    </message>
    <message>
        <source>{label}：{exc}</source>
        <translation>{label}: {exc}</translation>
    </message>
</context>
<context>
    <name>subsidy.wiring</name>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>企业</source>
        <translation>enterprise</translation>
    </message>
    <message>
        <source>知识产权</source>
        <translation>IP right</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>policy</translation>
    </message>
    <message>
        <source>理赔</source>
        <translation>claim</translation>
    </message>
    <message>
        <source>典型案例</source>
        <translation>typical case</translation>
    </message>
    <message>
        <source>{verb}{title} {label}</source>
        <translation>{verb} {title} {label}</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>redo</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>undo</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>widgets.linked_detail</name>
    <message>
        <source>所属企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>投保企业</source>
        <translation>Policyholder</translation>
    </message>
    <message>
        <source>保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>申请企业</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>出险保单</source>
        <translation>Policy</translation>
    </message>
    <message>
        <source>被保险企业</source>
        <translation>Insured enterprise</translation>
    </message>
</context>
<context>
    <name>widgets.pdf_preview</name>
    <message>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
</context>
</TS>
