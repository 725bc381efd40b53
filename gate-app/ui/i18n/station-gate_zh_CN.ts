<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdmittedScreen</name>
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
    <name>DeniedScreen</name>
    <message>
        <source>Entry not possible</source>
        <translation>无法通行</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>代码 %1</translation>
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
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <source>Move the document closer</source>
        <translation>请将证件靠近一些</translation>
    </message>
    <message>
        <source>Move the document back a little</source>
        <translation>请将证件稍微移远</translation>
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
        <source>Normal mode</source>
        <translation>正常模式</translation>
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
</TS>
