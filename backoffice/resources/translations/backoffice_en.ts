<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>正在读取用户…</source>
        <translation>Loading users…</translation>
    </message>
    <message>
        <source>共 {n} 个用户。</source>
        <translation>{n} users.</translation>
    </message>
    <message>
        <source>读取用户时程序出错，请查看日志。</source>
        <translation>The program failed while loading users; see the log.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>记录内容或签名被改动</source>
        <translation>a record&apos;s content or signature was changed</translation>
    </message>
    <message>
        <source>序号缺失、多出或顺序被调换</source>
        <translation>a sequence number is missing, extra or out of order</translation>
    </message>
    <message>
        <source>签名所用的密钥版本未知</source>
        <translation>the key version used for the signature is unknown</translation>
    </message>
    <message>
        <source>链尾的记录被删除</source>
        <translation>records at the end of the chain were deleted</translation>
    </message>
    <message>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <source>每条审计记录都用只有本系统知道的密钥串联签名。校验会逐条核对，发现被修改、删除、插入或调换顺序的记录时，指出第一条有问题的序号。</source>
        <translation>Every audit record is signed in a chain with a key only this system knows. Verification checks each record and, if any was edited, deleted, inserted or reordered, names the first bad sequence number.</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>审计链完好：已校验 {n} 条记录。</source>
        <translation>The audit chain is intact: {n} records verified.</translation>
    </message>
    <message>
        <source>审计链有问题：从第 {seq} 条记录起不可信（{problem}）。请保留数据库副本，并通知系统管理员和主管。</source>
        <translation>The audit chain is broken: records from number {seq} on cannot be trusted ({problem}). Keep a copy of the database and inform the system administrator and the supervisor.</translation>
    </message>
    <message>
        <source>另有 {n} 条登录失败记录等待封存（下一次操作时写入审计链）。</source>
        <translation>{n} failed sign-in records are waiting to be sealed (they enter the chain with the next action).</translation>
    </message>
    <message>
        <source>校验时程序出错，请查看日志。</source>
        <translation>The program failed during verification; see the log.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>屏幕已锁定。请输入 {name}（{user}）的密码解锁。</source>
        <translation>The screen is locked. Enter the password of {name} ({user}) to unlock.</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>正在核对密码…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>演示数据库 DEMO：每个角色都有演示用户，默认密码 {password}。</source>
        <translation>DEMO database: every role has demo users; the default password is {password}.</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Please enter your user name and password.</translation>
    </message>
    <message>
        <source>登录时程序出错，请查看日志。</source>
        <translation>The program failed while signing in; see the log.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>欢迎，{name}。</source>
        <translation>Welcome, {name}.</translation>
    </message>
    <message>
        <source>用户：{name} · {user}</source>
        <translation>User: {name} · {user}</translation>
    </message>
    <message>
        <source>角色：{roles}</source>
        <translation>Role: {roles}</translation>
    </message>
    <message>
        <source>（演示）</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>会话</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>锁定屏幕</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>语言和自动锁定…</source>
        <translation>Language and automatic lock…</translation>
    </message>
    <message>
        <source>设置已保存。新的界面语言在重新启动程序后生效。</source>
        <translation>Settings saved. The new language takes effect when the program is restarted.</translation>
    </message>
    <message>
        <source>设置已保存。</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>已锁定。请输入密码解锁。</source>
        <translation>Locked. Enter your password to unlock.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>工作台</source>
        <translation>Workbench</translation>
    </message>
    <message>
        <source>待办事项、时限提醒和个人统计将在这里显示（下一版本）。</source>
        <translation>Your to-do list, deadline warnings and personal figures will appear here (next version).</translation>
    </message>
    <message>
        <source>新报案</source>
        <translation>New report</translation>
    </message>
    <message>
        <source>报案登记将在这里进行（下一版本）。</source>
        <translation>Claim reports will be registered here (next version).</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>案件查询、单证和理算将在这里进行（下一版本）。</source>
        <translation>Case search, documents and calculations will be done here (next version).</translation>
    </message>
    <message>
        <source>核赔</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>等待您核赔签批的案件将在这里列出（下一版本）。</source>
        <translation>Cases waiting for your approval will be listed here (next version).</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>结案案件的归档和档案卷宗将在这里管理（下一版本）。</source>
        <translation>Archiving of closed cases and the archive files will be managed here (next version).</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>时效、结案率等报表和图表将在这里查看（下一版本）。</source>
        <translation>Reports and charts on turnaround times, closing rates and more will be shown here (next version).</translation>
    </message>
    <message>
        <source>系统管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>用户、密钥和系统设置在这里管理。</source>
        <translation>Users, keys and system settings are managed here.</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>审计日志的校验和查阅在这里进行。</source>
        <translation>The audit log is verified and read here.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>请输入 {name} 的密码以确认此操作。</source>
        <translation>Enter the password of {name} to confirm this action.</translation>
    </message>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>核对密码时程序出错，请查看日志。</source>
        <translation>The program failed while checking the password; see the log.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>只有系统管理员可以更改自动锁定时间。</source>
        <translation>Only a system administrator can change the automatic lock time.</translation>
    </message>
    <message>
        <source>更改语言后，需要重新启动程序才能生效。</source>
        <translation>A new language takes effect after the program is restarted.</translation>
    </message>
    <message>
        <source>保存在：{path}</source>
        <translation>Saved in: {path}</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>设置无法保存：{error}</source>
        <translation>The settings could not be saved: {error}</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
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
        <translation>Roles</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>锁定至 {until}</source>
        <translation>Locked until {until}</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>PDF 文件已损坏，无法打开：请向客户重新索取。</source>
        <translation>The PDF file is damaged and cannot be opened: ask the customer for it again.</translation>
    </message>
    <message>
        <source>PDF 文件设有密码：请向客户索取未加密的文件，或打印后重新扫描。</source>
        <translation>The PDF file is password-protected: ask the customer for an unencrypted file, or print and scan it again.</translation>
    </message>
    <message>
        <source>PostgreSQL 上没有数据库 {where}：请先创建数据库（见 docs/deployment.md）。</source>
        <translation>There is no database {where} on the PostgreSQL server: create it first (see docs/deployment.md).</translation>
    </message>
    <message>
        <source>PostgreSQL 拒绝了登录（{where}）：请检查 BACKOFFICE_DATABASE_URL 中的用户名和密码。</source>
        <translation>PostgreSQL refused the login ({where}): check the user name and password in BACKOFFICE_DATABASE_URL.</translation>
    </message>
    <message>
        <source>{authority}权限授予某一级后，更高各级也应具有</source>
        <translation>Once a level is granted the {authority} authority, every higher level must have it too</translation>
    </message>
    <message>
        <source>“{name}”不是在岗的理赔内勤，不能作为经办人。</source>
        <translation>“{name}” is not an active claims clerk and cannot handle the case.</translation>
    </message>
    <message>
        <source>不支持的文件类型：只接受 JPEG、PNG、TIFF 图片和 PDF 文件。</source>
        <translation>Unsupported file type: only JPEG, PNG and TIFF images and PDF files are accepted.</translation>
    </message>
    <message>
        <source>不能停用自己的账户。</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>不能按“{sort}”排序。</source>
        <translation>Cannot sort by “{sort}”.</translation>
    </message>
    <message>
        <source>伤情程度无效。</source>
        <translation>Invalid injury severity.</translation>
    </message>
    <message>
        <source>估损金额不能为负数。</source>
        <translation>The estimated loss cannot be negative.</translation>
    </message>
    <message>
        <source>保单号 {no} 已经登记过。</source>
        <translation>Policy number {no} is already registered.</translation>
    </message>
    <message>
        <source>保单号不能为空、不能含空格，最长 {n} 个字符。</source>
        <translation>A policy number must not be empty or contain spaces, and has at most {n} characters.</translation>
    </message>
    <message>
        <source>保险止期不能早于起期。</source>
        <translation>The end of cover cannot be before its start.</translation>
    </message>
    <message>
        <source>保障项目代码“{code}”重复。</source>
        <translation>The coverage code “{code}” appears twice.</translation>
    </message>
    <message>
        <source>免赔率必须在 0 到 1 之间。</source>
        <translation>The deductible rate must be between 0 and 1.</translation>
    </message>
    <message>
        <source>出险时间不能晚于报案时间。</source>
        <translation>The time of loss cannot be after the time of the report.</translation>
    </message>
    <message>
        <source>单证清单模板 {where} 的条件“{c}”未知。</source>
        <translation>The document checklist template {where} has an unknown condition “{c}”.</translation>
    </message>
    <message>
        <source>单证清单模板 {where} 缺少字段 {field}。</source>
        <translation>The document checklist template {where} is missing the field {field}.</translation>
    </message>
    <message>
        <source>原密码不正确：密码未修改。</source>
        <translation>The old password is wrong: the password was not changed.</translation>
    </message>
    <message>
        <source>只有审计员可以查看或校验审计日志。</source>
        <translation>Only an auditor can read or verify the audit log.</translation>
    </message>
    <message>
        <source>只有核赔人员才有审批权限级别。</source>
        <translation>Only approvers have an approval level.</translation>
    </message>
    <message>
        <source>只有系统管理员可以轮换密钥。</source>
        <translation>Only a system administrator can rotate keys.</translation>
    </message>
    <message>
        <source>只能按姓名、身份证号、手机号或银行账号查找。</source>
        <translation>You can only search by name, ID number, mobile number or bank account.</translation>
    </message>
    <message>
        <source>图片文件已损坏或不完整：请重新扫描。</source>
        <translation>The image file is damaged or incomplete: please scan it again.</translation>
    </message>
    <message>
        <source>姓名过长（最多 {n} 个字符）。</source>
        <translation>The name is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>字段 {field}：2020 版条款已取消事故责任免赔率；如投保了附加绝对免赔率特约条款，请用 absolute_deductible_rate</source>
        <translation>Field {field}: the 2020 clauses abolished the liability-based deductible rate; if the absolute deductible rate endorsement was bought, use absolute_deductible_rate</translation>
    </message>
    <message>
        <source>字段 {field}：不接受浮点数，请写成十进制字符串（例如 &quot;1234.50&quot;）</source>
        <translation>Field {field}: floating-point numbers are not accepted; write a decimal string (e.g. &quot;1234.50&quot;)</translation>
    </message>
    <message>
        <source>字段 {field}：不是有效的数字</source>
        <translation>Field {field}: not a valid number</translation>
    </message>
    <message>
        <source>字段 {field}：不能包含“-&gt;”或“/”</source>
        <translation>Field {field}: must not contain “-&gt;” or “/”</translation>
    </message>
    <message>
        <source>字段 {field}：与货物分摊施救费用需要实际价值</source>
        <translation>Field {field}: sharing rescue costs with the cargo needs the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：交强险赔付金额不能大于损失金额</source>
        <translation>Field {field}: the compulsory insurance payment cannot exceed the loss amount</translation>
    </message>
    <message>
        <source>字段 {field}：保险价值须大于 0</source>
        <translation>Field {field}: the insured value must be greater than 0</translation>
    </message>
    <message>
        <source>字段 {field}：免赔率之和不能超过 1</source>
        <translation>Field {field}: the deductible rates must not add up to more than 1</translation>
    </message>
    <message>
        <source>字段 {field}：全损时需要实际价值</source>
        <translation>Field {field}: a total loss needs the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：共保份额之和不能超过 1</source>
        <translation>Field {field}: the co-insurance shares must not add up to more than 1</translation>
    </message>
    <message>
        <source>字段 {field}：列表不能为空</source>
        <translation>Field {field}: the list must not be empty</translation>
    </message>
    <message>
        <source>字段 {field}：各保险人的保险金额不能都为 0</source>
        <translation>Field {field}: the insurers&apos; sums insured cannot all be 0</translation>
    </message>
    <message>
        <source>字段 {field}：名称重复</source>
        <translation>Field {field}: duplicate name</translation>
    </message>
    <message>
        <source>字段 {field}：小数位数过多（最多 {places} 位）</source>
        <translation>Field {field}: too many decimal places (at most {places})</translation>
    </message>
    <message>
        <source>字段 {field}：已获交强险赔偿不能大于修复费用</source>
        <translation>Field {field}: the compulsory insurance compensation received cannot exceed the repair cost</translation>
    </message>
    <message>
        <source>字段 {field}：已获交强险赔偿不能大于实际价值</source>
        <translation>Field {field}: the compulsory insurance compensation received cannot exceed the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：应为 JSON 对象</source>
        <translation>Field {field}: must be a JSON object</translation>
    </message>
    <message>
        <source>字段 {field}：应为 true 或 false</source>
        <translation>Field {field}: must be true or false</translation>
    </message>
    <message>
        <source>字段 {field}：应为 {low} 到 {high} 之间的整数</source>
        <translation>Field {field}: must be a whole number from {low} to {high}</translation>
    </message>
    <message>
        <source>字段 {field}：应为对象的列表</source>
        <translation>Field {field}: must be a list of objects</translation>
    </message>
    <message>
        <source>字段 {field}：应为数字</source>
        <translation>Field {field}: must be a number</translation>
    </message>
    <message>
        <source>字段 {field}：应为数字，不能是 true/false</source>
        <translation>Field {field}: must be a number, not true/false</translation>
    </message>
    <message>
        <source>字段 {field}：应为比例的列表（例如 [0.15, 0.1]）</source>
        <translation>Field {field}: must be a list of ratios (e.g. [0.15, 0.1])</translation>
    </message>
    <message>
        <source>字段 {field}：应为非空文字</source>
        <translation>Field {field}: must be non-empty text</translation>
    </message>
    <message>
        <source>字段 {field}：数值过大</source>
        <translation>Field {field}: the number is too large</translation>
    </message>
    <message>
        <source>字段 {field}：文字过长</source>
        <translation>Field {field}: the text is too long</translation>
    </message>
    <message>
        <source>字段 {field}：无效的取值（可选：{options}）</source>
        <translation>Field {field}: invalid value (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：未知字段（可用：{options}）</source>
        <translation>Field {field}: unknown field (available: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：未知的计算方法（可选：{options}）</source>
        <translation>Field {field}: unknown calculation method (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：残值不能大于修复费用</source>
        <translation>Field {field}: the salvage value cannot exceed the repair cost</translation>
    </message>
    <message>
        <source>字段 {field}：残值不能大于实际价值</source>
        <translation>Field {field}: the salvage value cannot exceed the actual value</translation>
    </message>
    <message>
        <source>字段 {field}：残值不能大于损失金额</source>
        <translation>Field {field}: the salvage value cannot exceed the loss amount</translation>
    </message>
    <message>
        <source>字段 {field}：每项输入应为 JSON 对象</source>
        <translation>Field {field}: each input must be a JSON object</translation>
    </message>
    <message>
        <source>字段 {field}：比例须在 0 到 1 之间（例如 0.15 表示 15%）</source>
        <translation>Field {field}: a ratio must be between 0 and 1 (e.g. 0.15 means 15%)</translation>
    </message>
    <message>
        <source>字段 {field}：社保已报销金额不能大于医疗费用</source>
        <translation>Field {field}: the amount reimbursed by social insurance cannot exceed the medical costs</translation>
    </message>
    <message>
        <source>字段 {field}：缺少 true/false 值</source>
        <translation>Field {field}: a true/false value is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少免赔金额（或给出 rate 与 base）</source>
        <translation>Field {field}: the deductible amount is missing (or give rate and base)</translation>
    </message>
    <message>
        <source>字段 {field}：缺少列表</source>
        <translation>Field {field}: the list is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少取值（可选：{options}）</source>
        <translation>Field {field}: the value is missing (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：缺少名称</source>
        <translation>Field {field}: the name is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少实际价值（或 new_vehicle_price_at_loss、months_used、monthly_depreciation_rate），无法判断是否全损；也可用 total_loss 说明</source>
        <translation>Field {field}: the actual value is missing (or new_vehicle_price_at_loss, months_used, monthly_depreciation_rate), so a total loss cannot be judged; you can also state total_loss</translation>
    </message>
    <message>
        <source>字段 {field}：缺少数值</source>
        <translation>Field {field}: the number is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少比例</source>
        <translation>Field {field}: the ratio is missing</translation>
    </message>
    <message>
        <source>字段 {field}：缺少给付比例（ratio 或 disability_grade）</source>
        <translation>Field {field}: the benefit ratio is missing (ratio or disability_grade)</translation>
    </message>
    <message>
        <source>字段 {field}：缺少计算方法（可选：{options}）</source>
        <translation>Field {field}: the calculation method is missing (choose from: {options})</translation>
    </message>
    <message>
        <source>字段 {field}：缺少金额</source>
        <translation>Field {field}: the amount is missing</translation>
    </message>
    <message>
        <source>字段 {field}：车辆编号重复</source>
        <translation>Field {field}: duplicate vehicle number</translation>
    </message>
    <message>
        <source>字段 {field}：金额不能为负数</source>
        <translation>Field {field}: the amount cannot be negative</translation>
    </message>
    <message>
        <source>字段 {field}：金额最多两位小数（单位：元）</source>
        <translation>Field {field}: an amount has at most two decimal places (in yuan)</translation>
    </message>
    <message>
        <source>字段 {field}：金额须大于 0</source>
        <translation>Field {field}: the amount must be greater than 0</translation>
    </message>
    <message>
        <source>字段 {field}：除外费用与社保已报销之和不能大于医疗费用</source>
        <translation>Field {field}: excluded costs plus social insurance reimbursement cannot exceed the medical costs</translation>
    </message>
    <message>
        <source>存在风险提示的案件不能定为简易案件。</source>
        <translation>A case with a risk warning cannot be classified as a simple case.</translation>
    </message>
    <message>
        <source>审批金额必须是不小于0的有效金额</source>
        <translation>The amount to approve must be a valid amount of at least 0</translation>
    </message>
    <message>
        <source>密码不能与用户名相同。</source>
        <translation>The password must not be the same as the user name.</translation>
    </message>
    <message>
        <source>密码至少需要 {n} 个字符。</source>
        <translation>The password needs at least {n} characters.</translation>
    </message>
    <message>
        <source>恢复码不正确。</source>
        <translation>The recovery code is wrong.</translation>
    </message>
    <message>
        <source>手机号码应为以13至19开头的11位数字</source>
        <translation>A mobile number has 11 digits and starts with 13 to 19</translation>
    </message>
    <message>
        <source>报案时间不能晚于现在。</source>
        <translation>The time of the report cannot be in the future.</translation>
    </message>
    <message>
        <source>按小时计算的时效规则“{stage}”不能扣除等待期间</source>
        <translation>The hourly deadline rule “{stage}” cannot deduct waiting periods</translation>
    </message>
    <message>
        <source>按小时计算的时效需要开始时间</source>
        <translation>An hourly deadline needs a start time</translation>
    </message>
    <message>
        <source>损失数量至少为 1，金额不能为负数。</source>
        <translation>A loss item has a quantity of at least 1 and a non-negative amount.</translation>
    </message>
    <message>
        <source>损失清单每一行都需要类别和名称。</source>
        <translation>Every line of the loss list needs a category and a name.</translation>
    </message>
    <message>
        <source>掩码填充字符必须是单个字符</source>
        <translation>The mask fill character must be a single character</translation>
    </message>
    <message>
        <source>掩码填充长度至少为1</source>
        <translation>The mask fill length must be at least 1</translation>
    </message>
    <message>
        <source>掩码规则的保留位数不能为负数</source>
        <translation>A masking rule cannot keep a negative number of characters</translation>
    </message>
    <message>
        <source>摘要过长（最多 {n} 个字符）。</source>
        <translation>The summary is too long (at most {n} characters).</translation>
    </message>
    <message>
        <source>收取时间不能早于报案时间。</source>
        <translation>The time of receipt cannot be before the time of the report.</translation>
    </message>
    <message>
        <source>收取时间不能晚于现在。</source>
        <translation>The time of receipt cannot be in the future.</translation>
    </message>
    <message>
        <source>收取时间缺少时区。</source>
        <translation>The time of receipt has no time zone.</translation>
    </message>
    <message>
        <source>数据库中没有可用的主密钥版本：请用恢复码恢复，或从备份恢复。</source>
        <translation>The database has no usable master key version: recover with the recovery code, or restore a backup.</translation>
    </message>
    <message>
        <source>数据库出错：{detail}。请运行 backoffice db check。</source>
        <translation>Database error: {detail}. Please run backoffice db check.</translation>
    </message>
    <message>
        <source>数据库尚未建立：请运行 backoffice db upgrade 和 backoffice init。</source>
        <translation>The database has not been created yet: run backoffice db upgrade and backoffice init.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏或不是 SQLite 数据库：未做任何写入。请从备份恢复，或用 BACKOFFICE_DATA_DIR 指向正确的数据目录。</source>
        <translation>The database file {path} is damaged or not an SQLite database: nothing was written. Restore it from a backup, or point BACKOFFICE_DATA_DIR at the right data directory.</translation>
    </message>
    <message>
        <source>数据库文件已损坏：未做任何写入。请运行 backoffice db check，或从备份恢复。</source>
        <translation>The database file is damaged: nothing was written. Run backoffice db check, or restore a backup.</translation>
    </message>
    <message>
        <source>数据库正被另一个程序占用：请稍后再试。</source>
        <translation>The database is in use by another program: please try again later.</translation>
    </message>
    <message>
        <source>数据库结构版本 {rev} 比本程序新：请先升级 backoffice，再打开这个数据库。未做任何写入。</source>
        <translation>The database schema version {rev} is newer than this program: upgrade backoffice first, then open this database. Nothing was written.</translation>
    </message>
    <message>
        <source>数据库结构需要升级：请运行 backoffice db upgrade（先备份）。</source>
        <translation>The database schema needs an upgrade: run backoffice db upgrade (make a backup first).</translation>
    </message>
    <message>
        <source>数据库还没有初始化：请先运行 backoffice init --admin 用户名（或用 backoffice demo 打开演示）。</source>
        <translation>The database has not been initialised: run backoffice init --admin USERNAME first (or open the demo with backoffice demo).</translation>
    </message>
    <message>
        <source>文件太大（{size} MB，上限 {limit} MB）：请降低扫描分辨率或分成几个文件。</source>
        <translation>The file is too large ({size} MB, limit {limit} MB): scan at a lower resolution or split it into several files.</translation>
    </message>
    <message>
        <source>文件是空的：请重新扫描或选择其他文件。</source>
        <translation>The file is empty: scan it again or choose another file.</translation>
    </message>
    <message>
        <source>无法打开数据库文件：请检查数据目录的权限和剩余空间。</source>
        <translation>Cannot open the database file: check the data directory&apos;s permissions and free space.</translation>
    </message>
    <message>
        <source>无法显示这个字段。</source>
        <translation>This field cannot be shown.</translation>
    </message>
    <message>
        <source>无法读取文件：请确认文件存在且有读取权限。</source>
        <translation>Cannot read the file: make sure it exists and you may read it.</translation>
    </message>
    <message>
        <source>无法连接 PostgreSQL 服务器 {where}：请确认服务器已启动、地址和端口正确（BACKOFFICE_DATABASE_URL），然后重试。</source>
        <translation>Cannot connect to the PostgreSQL server {where}: make sure the server is running and the address and port are right (BACKOFFICE_DATABASE_URL), then try again.</translation>
    </message>
    <message>
        <source>时效规则“{stage}”的期限不能为负数</source>
        <translation>The deadline rule “{stage}” cannot have a negative period</translation>
    </message>
    <message>
        <source>时效规则“{stage}”的计算单位无效</source>
        <translation>The deadline rule “{stage}” has an invalid unit</translation>
    </message>
    <message>
        <source>时效规则缺少环节名称</source>
        <translation>A deadline rule is missing its stage name</translation>
    </message>
    <message>
        <source>时间缺少时区。</source>
        <translation>The time has no time zone.</translation>
    </message>
    <message>
        <source>更改案件分类需要填写理由。</source>
        <translation>Changing a case&apos;s classification needs a reason.</translation>
    </message>
    <message>
        <source>未知的单证条件：{names}。</source>
        <translation>Unknown document conditions: {names}.</translation>
    </message>
    <message>
        <source>未知的案件状态：{names}。</source>
        <translation>Unknown case status: {names}.</translation>
    </message>
    <message>
        <source>未知角色“{name}”。可用角色：{known}。</source>
        <translation>Unknown role “{name}”. Available roles: {known}.</translation>
    </message>
    <message>
        <source>权限表中没有任何一级具有{authority}权限</source>
        <translation>No level in the authority matrix has the {authority} authority</translation>
    </message>
    <message>
        <source>权限表必须依次包含第1至第{top}级</source>
        <translation>The authority matrix must contain levels 1 to {top} in order</translation>
    </message>
    <message>
        <source>核赔人员需要 1 至 5 级的审批权限级别。</source>
        <translation>An approver needs an approval level from 1 to 5.</translation>
    </message>
    <message>
        <source>案件号格式“{fmt}”无效。</source>
        <translation>The case number format “{fmt}” is invalid.</translation>
    </message>
    <message>
        <source>案件已进入审批或已结案，不能再登记单证：如需补充，请先退回或重开案件。</source>
        <translation>The case is in approval or closed, so no more documents can be registered: to add some, send the case back or reopen it first.</translation>
    </message>
    <message>
        <source>案件当前状态为“{current}”，不能变为“{target}”。</source>
        <translation>The case is “{current}” and cannot become “{target}”.</translation>
    </message>
    <message>
        <source>案件数必须在 0 到 2,000,000 之间。</source>
        <translation>The number of cases must be between 0 and 2,000,000.</translation>
    </message>
    <message>
        <source>每个保障项目都需要代码和名称。</source>
        <translation>Every coverage needs a code and a name.</translation>
    </message>
    <message>
        <source>没有保单号为 {no} 的保单：请核对保单号，或先登记保单。</source>
        <translation>There is no policy with number {no}: check the number, or register the policy first.</translation>
    </message>
    <message>
        <source>没有找到环节“{stage}”的时效规则</source>
        <translation>No deadline rule was found for the stage “{stage}”</translation>
    </message>
    <message>
        <source>没有案件号为 {no} 的案件。</source>
        <translation>There is no case with number {no}.</translation>
    </message>
    <message>
        <source>没有用户“{name}”。</source>
        <translation>There is no user “{name}”.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的客户。</source>
        <translation>There is no customer with number {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的案件。</source>
        <translation>There is no case with number {id}.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的附件。</source>
        <translation>There is no attachment with number {id}.</translation>
    </message>
    <message>
        <source>用户名“{name}”已被使用：请换一个。</source>
        <translation>The user name “{name}” is already taken: please choose another.</translation>
    </message>
    <message>
        <source>用户名只能使用小写字母、数字和 . _ -，长度 2 至 64 个字符，以字母或数字开头。</source>
        <translation>A user name may only use lower-case letters, digits and . _ -, has 2 to 64 characters, and starts with a letter or digit.</translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>用户至少需要一个角色。</source>
        <translation>A user needs at least one role.</translation>
    </message>
    <message>
        <source>第{level}级缺少险类{line}的权限金额</source>
        <translation>Level {level} has no authority amount for line {line}</translation>
    </message>
    <message>
        <source>第{level}级险类{line}的权限不能低于下一级</source>
        <translation>The authority of level {level} for line {line} cannot be lower than the level below</translation>
    </message>
    <message>
        <source>第{level}级险类{line}的权限金额无效</source>
        <translation>The authority amount of level {level} for line {line} is invalid</translation>
    </message>
    <message>
        <source>系统管理员不能同时担任核赔人员：请分设两个用户。</source>
        <translation>A system administrator cannot also be an approver: create two separate users.</translation>
    </message>
    <message>
        <source>联系时间不能晚于现在。</source>
        <translation>The time of contact cannot be in the future.</translation>
    </message>
    <message>
        <source>补充材料送达日期不能早于补充通知送达日期</source>
        <translation>The date the additional documents arrived cannot be before the date the request for them was delivered</translation>
    </message>
    <message>
        <source>证明材料需要类别和编号。</source>
        <translation>A supporting document needs a category and a number.</translation>
    </message>
    <message>
        <source>请从列表中选择查看完整信息的原因。</source>
        <translation>Choose from the list why you need to see the full information.</translation>
    </message>
    <message>
        <source>请填写出险地点。</source>
        <translation>Please enter the place of loss.</translation>
    </message>
    <message>
        <source>请填写单证名称。</source>
        <translation>Please enter the name of the document.</translation>
    </message>
    <message>
        <source>请填写姓名。</source>
        <translation>Please enter the name.</translation>
    </message>
    <message>
        <source>请填写报案人姓名。</source>
        <translation>Please enter the reporter&apos;s name.</translation>
    </message>
    <message>
        <source>请填写更正理由。</source>
        <translation>Please enter the reason for the correction.</translation>
    </message>
    <message>
        <source>请填写联系内容摘要。</source>
        <translation>Please enter a summary of the contact.</translation>
    </message>
    <message>
        <source>请填写险种名称。</source>
        <translation>Please enter the name of the insurance product.</translation>
    </message>
    <message>
        <source>请用 --user 或环境变量 BACKOFFICE_USER 指定操作用户。</source>
        <translation>Name the acting user with --user or the environment variable BACKOFFICE_USER.</translation>
    </message>
    <message>
        <source>请输入手机号码</source>
        <translation>Please enter the mobile number</translation>
    </message>
    <message>
        <source>请输入身份证号码</source>
        <translation>Please enter the ID number</translation>
    </message>
    <message>
        <source>请输入银行卡号</source>
        <translation>Please enter the bank card number</translation>
    </message>
    <message>
        <source>请选择出险原因。</source>
        <translation>Please choose the cause of loss.</translation>
    </message>
    <message>
        <source>请选择报案人与被保险人的关系。</source>
        <translation>Please choose the reporter&apos;s relationship to the insured.</translation>
    </message>
    <message>
        <source>请选择报案渠道。</source>
        <translation>Please choose the reporting channel.</translation>
    </message>
    <message>
        <source>请选择来电还是去电。</source>
        <translation>Please choose whether the call was incoming or outgoing.</translation>
    </message>
    <message>
        <source>请选择联系方式。</source>
        <translation>Please choose how the contact was made.</translation>
    </message>
    <message>
        <source>账户已被锁定，请在 {until} 之后再试，或请系统管理员解锁。</source>
        <translation>The account is locked: try again after {until}, or ask a system administrator to unlock it.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期无效</source>
        <translation>The date of birth in the ID number is invalid</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期晚于当前日期</source>
        <translation>The date of birth in the ID number is in the future</translation>
    </message>
    <message>
        <source>身份证号码前17位应为数字，最后一位应为数字或X</source>
        <translation>The first 17 characters of an ID number are digits; the last is a digit or X</translation>
    </message>
    <message>
        <source>身份证号码应为18位，现为{length}位</source>
        <translation>An ID number has 18 characters; this one has {length}</translation>
    </message>
    <message>
        <source>身份证号码校验位不正确，请核对后重新输入</source>
        <translation>The ID number&apos;s check digit is wrong: please check it and enter it again</translation>
    </message>
    <message>
        <source>身份证号码的地区代码无效</source>
        <translation>The region code in the ID number is invalid</translation>
    </message>
    <message>
        <source>这个数据库已经初始化过：请直接登录。</source>
        <translation>This database has already been initialised: just sign in.</translation>
    </message>
    <message>
        <source>这个案件没有该单证项目。</source>
        <translation>This case has no such document item.</translation>
    </message>
    <message>
        <source>这位客户没有登记该项信息。</source>
        <translation>This customer has no such information on record.</translation>
    </message>
    <message>
        <source>这位客户的信息刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this customer&apos;s information: refresh and try again.</translation>
    </message>
    <message>
        <source>这张保单刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this policy: refresh and try again.</translation>
    </message>
    <message>
        <source>这条记录刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this record: refresh and try again.</translation>
    </message>
    <message>
        <source>这项单证刚被其他人修改过：请刷新后重新操作。</source>
        <translation>Someone else has just changed this document: refresh and try again.</translation>
    </message>
    <message>
        <source>金额{amount}元超出所有审批层级的权限，请联系管理员调整权限表</source>
        <translation>The amount of {amount} yuan exceeds the authority of every approval level: ask the administrator to adjust the authority matrix</translation>
    </message>
    <message>
        <source>金额不能为负数。</source>
        <translation>An amount cannot be negative.</translation>
    </message>
    <message>
        <source>银行卡号只能包含数字</source>
        <translation>A bank card number may only contain digits</translation>
    </message>
    <message>
        <source>银行卡号应为{minimum}至{maximum}位数字，现为{length}位</source>
        <translation>A bank card number has {minimum} to {maximum} digits; this one has {length}</translation>
    </message>
    <message>
        <source>银行卡号校验失败，请核对后重新输入</source>
        <translation>The bank card number failed its check: please check it and enter it again</translation>
    </message>
    <message>
        <source>附件 #{id} 的加密文件校验失败（{detail}）：文件可能被篡改或损坏。</source>
        <translation>The encrypted file of attachment #{id} failed its check ({detail}): it may have been tampered with or damaged.</translation>
    </message>
    <message>
        <source>附件 #{id} 的文件不在附件库中：请从备份恢复附件库。</source>
        <translation>The file of attachment #{id} is not in the attachment store: restore the store from a backup.</translation>
    </message>
    <message>
        <source>险类必须是 motor、property、health_accident 或 liability 之一。</source>
        <translation>The line of business must be one of motor, property, health_accident or liability.</translation>
    </message>
    <message>
        <source>需要密码：请设置环境变量 {name}，或在终端中运行以便输入。</source>
        <translation>A password is needed: set the environment variable {name}, or run this in a terminal to type it.</translation>
    </message>
    <message>
        <source>页数至少为 1。</source>
        <translation>The number of pages is at least 1.</translation>
    </message>
</context>
<context>
    <name>errors_ui</name>
    <message>
        <source>抱歉，程序出错了。日志无法写入，请联系系统管理员。</source>
        <translation>Sorry, the program hit an error. The log could not be written; please contact your system administrator.</translation>
    </message>
    <message>
        <source>抱歉，程序出错了。详情已写入日志：
{path}
请把这个文件交给系统管理员。</source>
        <translation>Sorry, the program hit an error. The details are in the log:
{path}
Please give this file to your system administrator.</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>{role}（{level} 级）</source>
        <translation>{role} (level {level})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>理赔内勤</source>
        <translation>Claims clerk</translation>
    </message>
    <message>
        <source>核赔</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>档案管理员</source>
        <translation>Archivist</translation>
    </message>
    <message>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
</context>
<context>
    <name>titles</name>
    <message>
        <source>backoffice 理赔后台</source>
        <translation>backoffice Claims Office</translation>
    </message>
    <message>
        <source> — 演示 DEMO</source>
        <translation> — DEMO</translation>
    </message>
</context>
</TS>
