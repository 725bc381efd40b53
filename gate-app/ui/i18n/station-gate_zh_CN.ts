<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdmittedScreen</name>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>%1 位旅客，请依次通行</translation>
    </message>
    <message>
        <source>Please go through</source>
        <translation>请通行</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>车次</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>车厢</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>开车时间</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>旅客</translation>
    </message>
</context>
<context>
    <name>AwaitingDocumentScreen</name>
    <message>
        <source>Now place the ID card or passport you bought the ticket with</source>
        <translation>请放置购票时使用的身份证件或护照</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>此电子客票须与购票证件一同使用</translation>
    </message>
    <message>
        <source>Seconds left: %1</source>
        <translation>剩余 %1 秒</translation>
    </message>
</context>
<context>
    <name>DeniedScreen</name>
    <message>
        <source>Entry not possible</source>
        <translation>无法通行</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>代码 %1</translation>
    </message>
    <message>
        <source>Staff will help you</source>
        <translation>工作人员将为您提供帮助</translation>
    </message>
</context>
<context>
    <name>FreePassageScreen</name>
    <message>
        <source>Free entry</source>
        <translation>自由进站</translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation>自由出站</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>自由通行</translation>
    </message>
    <message>
        <source>Entering: no ticket check, please go through</source>
        <translation>进站免验票，请直接通行</translation>
    </message>
    <message>
        <source>Leaving: no ticket check, please go through</source>
        <translation>出站免验票，请直接通行</translation>
    </message>
    <message>
        <source>No ticket check: please go through</source>
        <translation>免验票，请直接通行</translation>
    </message>
    <message>
        <source>Leaving: please use another gate</source>
        <translation>出站请使用其他通道</translation>
    </message>
    <message>
        <source>Entering: please use another gate</source>
        <translation>进站请使用其他通道</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Please present your ticket or ID</source>
        <translation>请出示车票或证件</translation>
    </message>
    <message>
        <source>E-ticket QR code</source>
        <translation>电子客票二维码</translation>
    </message>
    <message>
        <source>Hold the code under the scanner window</source>
        <translation>将二维码对准扫描窗口</translation>
    </message>
    <message>
        <source>ID card or residence permit</source>
        <translation>身份证或居住证</translation>
    </message>
    <message>
        <source>Place the card flat on the reader</source>
        <translation>将证件平放在读卡区</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>Lay the photo page face down on the glass</source>
        <translation>将护照照片页朝下放在玻璃上</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Staff %1: enter your PIN</source>
        <translation>工号 %1：请输入密码</translation>
    </message>
    <message>
        <source>Service mode: enter your staff number</source>
        <translation>维护模式：请输入工号</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more tries before the keypad locks.</source>
        <translation>密码错误。再错 %1 次键盘将被锁定。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LockedOutPanel</name>
    <message>
        <source>Too many wrong PINs</source>
        <translation>密码错误次数过多</translation>
    </message>
    <message>
        <source>The keypad is locked for %1 min %2 s.</source>
        <translation>键盘已锁定，%1 分 %2 秒后可重试。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Station gate</source>
        <translation>车站闸机</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>This gate is closed</source>
        <translation>本通道暂停使用</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>请使用其他通道</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>代码 %1</translation>
    </message>
    <message>
        <source>root key</source>
        <translation>根公钥</translation>
    </message>
    <message>
        <source>device key</source>
        <translation>设备密钥</translation>
    </message>
    <message>
        <source>lane address</source>
        <translation>通道控制器地址</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not commissioned. Still to set: %1</source>
        <translation>本闸机尚未调试完成。待设置：%1</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <source>Reading the chip, keep the passport still</source>
        <translation>正在读取芯片，请保持护照不动</translation>
    </message>
    <message>
        <source>Move the document closer</source>
        <translation>请将证件靠近一些</translation>
    </message>
    <message>
        <source>Glare: tilt the document slightly</source>
        <translation>有反光，请稍微倾斜证件</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在识读…</translation>
    </message>
    <message>
        <source>Keep the ticket or document in place until the screen changes</source>
        <translation>屏幕变化前请勿移开车票或证件</translation>
    </message>
</context>
<context>
    <name>ServicePanel</name>
    <message>
        <source>Last passport chip</source>
        <translation>最近护照芯片</translation>
    </message>
    <message>
        <source>Service mode, staff %1</source>
        <translation>维护模式，工号 %1</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Ticket list and log sync</source>
        <translation>票据名单与日志同步</translation>
    </message>
    <message>
        <source>List %1, %2 min old</source>
        <translation>名单 %1，已 %2 分钟</translation>
    </message>
    <message>
        <source>%1 records waiting to be sent</source>
        <translation>%1 条记录待上传</translation>
    </message>
    <message>
        <source>Lane counters</source>
        <translation>通道计数</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Open once, entry</source>
        <translation>进站方向开门一次</translation>
    </message>
    <message>
        <source>Open once, exit</source>
        <translation>出站方向开门一次</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>自由通行</translation>
    </message>
    <message>
        <source>Lock lane</source>
        <translation>锁闭通道</translation>
    </message>
    <message>
        <source>Reset alarm</source>
        <translation>复位报警</translation>
    </message>
    <message>
        <source>Reset emergency</source>
        <translation>复位紧急模式</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Last decisions</source>
        <translation>最近的判定</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Free entry</source>
        <translation>自由进站</translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation>自由出站</translation>
    </message>
    <message>
        <source>Normal operation</source>
        <translation>恢复正常运行</translation>
    </message>
    <message>
        <source>No link to the lane: lane commands are unavailable</source>
        <translation>与通道失去连接：通道命令不可用</translation>
    </message>
    <message>
        <source>Emergency latched: reset the emergency first</source>
        <translation>紧急模式已锁定：请先复位紧急模式</translation>
    </message>
    <message>
        <source>Fire alarm input active: the emergency cannot be reset</source>
        <translation>火警信号仍然有效：无法复位紧急模式</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>Ticket data last updated %1 h %2 min ago. Tickets bought since then: please ask staff.</source>
        <translation>票务数据已 %1 小时 %2 分钟未更新。此后购买的车票请咨询工作人员。</translation>
    </message>
    <message>
        <source>Ticket data last updated %1 min ago. Tickets bought since then: please ask staff.</source>
        <translation>票务数据已 %1 分钟未更新。此后购买的车票请咨询工作人员。</translation>
    </message>
</context>
<context>
    <name>gate::Reason</name>
    <message>
        <source>This gate is not in service</source>
        <translation>本检票口暂停使用</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>请到其他检票口检票</translation>
    </message>
    <message>
        <source>E-tickets cannot be checked at this gate now</source>
        <translation>本检票口暂时无法核验电子客票</translation>
    </message>
    <message>
        <source>Please use your ID, or ask staff for help</source>
        <translation>请使用身份证件，或联系工作人员</translation>
    </message>
    <message>
        <source>This e-ticket has expired</source>
        <translation>该电子客票已过期</translation>
    </message>
    <message>
        <source>Please go to the service counter</source>
        <translation>请到服务台办理</translation>
    </message>
    <message>
        <source>This e-ticket is not valid yet</source>
        <translation>该电子客票尚未生效</translation>
    </message>
    <message>
        <source>This code is not a valid e-ticket</source>
        <translation>该二维码不是有效的电子客票</translation>
    </message>
    <message>
        <source>Please show the e-ticket from the official app, or use your ID</source>
        <translation>请出示官方应用中的电子客票，或使用身份证件</translation>
    </message>
    <message>
        <source>Your passport could not be read</source>
        <translation>无法识读您的护照</translation>
    </message>
    <message>
        <source>Please place the photo page flat on the reader</source>
        <translation>请将照片页平放在识读区</translation>
    </message>
    <message>
        <source>Your card could not be read</source>
        <translation>无法读取您的证件</translation>
    </message>
    <message>
        <source>Please place your card on the reader again</source>
        <translation>请重新将证件放在读卡区</translation>
    </message>
    <message>
        <source>Your ticket could not be read</source>
        <translation>无法识读您的车票</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>请重试</translation>
    </message>
    <message>
        <source>Please pass</source>
        <translation>请通行</translation>
    </message>
    <message>
        <source>Train %1, coach %2, seat %3</source>
        <translation>%1 次 %2 车 %3 号</translation>
    </message>
    <message>
        <source>Train %1</source>
        <translation>%1 次</translation>
    </message>
    <message>
        <source>Check-in for %1 opens at %2</source>
        <translation>%1 次列车 %2 开始检票</translation>
    </message>
    <message>
        <source>Please wait in the waiting hall</source>
        <translation>请在候车室等候</translation>
    </message>
    <message>
        <source>Check-in for %1 closed at %2</source>
        <translation>%1 次列车已于 %2 停止检票</translation>
    </message>
    <message>
        <source>Please go to the service counter to change your ticket</source>
        <translation>请到服务台办理改签</translation>
    </message>
    <message>
        <source>%1 does not board at this gate</source>
        <translation>%1 次列车不在本检票口检票</translation>
    </message>
    <message>
        <source>Please go to gate %1</source>
        <translation>请到 %1 检票口</translation>
    </message>
    <message>
        <source>This ticket is not for this station</source>
        <translation>该车票不是本站乘车</translation>
    </message>
    <message>
        <source>Your ticket is for station %1</source>
        <translation>您的车票乘车站为 %1</translation>
    </message>
    <message>
        <source>Train %1 is cancelled</source>
        <translation>%1 次列车已停运</translation>
    </message>
    <message>
        <source>Please go to the service counter for a refund or another train</source>
        <translation>请到服务台办理退票或改乘其他列车</translation>
    </message>
    <message>
        <source>Train %1 is not on today&apos;s list</source>
        <translation>%1 次列车不在今日车次表中</translation>
    </message>
    <message>
        <source>This ticket was refunded</source>
        <translation>该车票已退票</translation>
    </message>
    <message>
        <source>This ticket was changed to another train</source>
        <translation>该车票已改签至其他车次</translation>
    </message>
    <message>
        <source>Please use your new ticket</source>
        <translation>请使用改签后的车票</translation>
    </message>
    <message>
        <source>This ticket was already used at %1</source>
        <translation>该车票已于 %1 检票</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>请联系工作人员</translation>
    </message>
    <message>
        <source>No ticket found for this document</source>
        <translation>未找到该证件对应的车票</translation>
    </message>
    <message>
        <source>Please use the document you bought the ticket with</source>
        <translation>请使用购票时所用的证件</translation>
    </message>
    <message>
        <source>This ticket is not on the list</source>
        <translation>该车票不在票务名单中</translation>
    </message>
    <message>
        <source>This ticket belongs to another document</source>
        <translation>该车票属于其他证件</translation>
    </message>
    <message>
        <source>This ticket cannot be checked against your document</source>
        <translation>无法核验该车票与您的证件</translation>
    </message>
    <message>
        <source>ID check is not available at this gate now</source>
        <translation>本通道暂时无法刷证件检票</translation>
    </message>
    <message>
        <source>Please show your e-ticket code, or ask staff for help</source>
        <translation>请出示电子客票二维码，或联系工作人员</translation>
    </message>
    <message>
        <source>Your document has expired</source>
        <translation>您的证件已过期</translation>
    </message>
    <message>
        <source>Your document number could not be verified</source>
        <translation>无法核验您的证件号码</translation>
    </message>
    <message>
        <source>Your student discount needs its yearly check</source>
        <translation>学生优惠资质需年度核验</translation>
    </message>
    <message>
        <source>This ticket is checked by staff</source>
        <translation>该车票需人工核验</translation>
    </message>
    <message>
        <source>Please go to the staffed gate</source>
        <translation>请到人工检票通道</translation>
    </message>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>%1 位旅客，请依次通行</translation>
    </message>
    <message>
        <source>This passport could not be verified</source>
        <translation>此护照未通过核验</translation>
    </message>
    <message>
        <source>The chip of your passport could not be checked</source>
        <translation>无法核验您护照的芯片</translation>
    </message>
    <message>
        <source>Please place the passport on the reader again, or ask staff for help</source>
        <translation>请重新放置护照，或联系工作人员</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>此电子客票须与购票证件一同使用</translation>
    </message>
    <message>
        <source>Show the code, then place the ID card or passport you bought the ticket with</source>
        <translation>请先出示二维码，再放置购票时使用的身份证件或护照</translation>
    </message>
</context>
</TS>
