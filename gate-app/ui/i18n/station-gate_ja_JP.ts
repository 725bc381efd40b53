<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdmittedScreen</name>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>%1名様、お一人ずつお通りください</translation>
    </message>
    <message>
        <source>Please go through</source>
        <translation>お通りください</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>列車</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>号車</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座席</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>区間</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>発車</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>お名前</translation>
    </message>
</context>
<context>
    <name>AwaitingDocumentScreen</name>
    <message>
        <source>Now place the ID card or passport you bought the ticket with</source>
        <translation>続いて、購入時の身分証またはパスポートを置いてください</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>この電子乗車券は購入者本人の証明書と一緒でのみ有効です</translation>
    </message>
    <message>
        <source>Seconds left: %1</source>
        <translation>残り %1 秒</translation>
    </message>
</context>
<context>
    <name>DeniedScreen</name>
    <message>
        <source>Entry not possible</source>
        <translation>お通りいただけません</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>コード %1</translation>
    </message>
    <message>
        <source>Staff will help you</source>
        <translation>係員がお手伝いします</translation>
    </message>
</context>
<context>
    <name>FreePassageScreen</name>
    <message>
        <source>Free entry</source>
        <translation>入場フリー</translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation>出場フリー</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>通行フリー</translation>
    </message>
    <message>
        <source>Entering: no ticket check, please go through</source>
        <translation>入場：改札なしでお通りください</translation>
    </message>
    <message>
        <source>Leaving: no ticket check, please go through</source>
        <translation>出場：改札なしでお通りください</translation>
    </message>
    <message>
        <source>No ticket check: please go through</source>
        <translation>改札なし：そのままお通りください</translation>
    </message>
    <message>
        <source>Leaving: please use another gate</source>
        <translation>出場：別の改札口をご利用ください</translation>
    </message>
    <message>
        <source>Entering: please use another gate</source>
        <translation>入場：別の改札口をご利用ください</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Please present your ticket or ID</source>
        <translation>乗車券または身分証をご提示ください</translation>
    </message>
    <message>
        <source>E-ticket QR code</source>
        <translation>電子乗車券のQRコード</translation>
    </message>
    <message>
        <source>Hold the code under the scanner window</source>
        <translation>コードをスキャナー窓にかざしてください</translation>
    </message>
    <message>
        <source>ID card or residence permit</source>
        <translation>身分証または居住証</translation>
    </message>
    <message>
        <source>Place the card flat on the reader</source>
        <translation>カードをリーダーに平らに置いてください</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>パスポート</translation>
    </message>
    <message>
        <source>Lay the photo page face down on the glass</source>
        <translation>写真ページを下にしてガラス面に置いてください</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Staff %1: enter your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service mode: enter your staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more tries before the keypad locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockedOutPanel</name>
    <message>
        <source>Too many wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keypad is locked for %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Station gate</source>
        <translation>駅改札機</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>root key</source>
        <translation>ルート鍵</translation>
    </message>
    <message>
        <source>device key</source>
        <translation>デバイス鍵</translation>
    </message>
    <message>
        <source>lane address</source>
        <translation>通路アドレス</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>This gate is closed</source>
        <translation>この改札口は閉鎖中です</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>別の改札口をご利用ください</translation>
    </message>
    <message>
        <source>Not commissioned. Still to set: %1</source>
        <translation>設定が完了していません。未設定：%1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>コード %1</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Hold still</source>
        <translation>動かさないでください</translation>
    </message>
    <message>
        <source>Move the document closer</source>
        <translation>証明書をもう少し近づけてください</translation>
    </message>
    <message>
        <source>Glare: tilt the document slightly</source>
        <translation>反射：証明書を少し傾けてください</translation>
    </message>
    <message>
        <source>Reading the chip, keep the passport still</source>
        <translation>読み取り中：動かさないでください</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み取り中…</translation>
    </message>
    <message>
        <source>Keep the ticket or document in place until the screen changes</source>
        <translation>画面が変わるまで乗車券や証明書を動かさないでください</translation>
    </message>
</context>
<context>
    <name>ServicePanel</name>
    <message>
        <source>Service mode, staff %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket list and log sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List %1, %2 min old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last passport chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open once, entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open once, exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link to the lane: lane commands are unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency latched: reset the emergency first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire alarm input active: the emergency cannot be reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>Ticket data last updated %1 h %2 min ago. Tickets bought since then: please ask staff.</source>
        <translation>乗車券データの最終更新は %1 時間 %2 分前です。その後に購入した乗車券は係員にお尋ねください。</translation>
    </message>
    <message>
        <source>Ticket data last updated %1 min ago. Tickets bought since then: please ask staff.</source>
        <translation>乗車券データの最終更新は %1 分前です。その後に購入した乗車券は係員にお尋ねください。</translation>
    </message>
</context>
<context>
    <name>gate::Reason</name>
    <message>
        <source>Train %1</source>
        <translation>%1列車</translation>
    </message>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>%1名様、お一人ずつお通りください</translation>
    </message>
    <message>
        <source>Please pass</source>
        <translation>お通りください</translation>
    </message>
    <message>
        <source>Train %1, coach %2, seat %3</source>
        <translation>%1列車 %2号車 %3席</translation>
    </message>
    <message>
        <source>Check-in for %1 opens at %2</source>
        <translation>%1列車の改札は %2 に始まります</translation>
    </message>
    <message>
        <source>Please wait in the waiting hall</source>
        <translation>待合室でお待ちください</translation>
    </message>
    <message>
        <source>Check-in for %1 closed at %2</source>
        <translation>%1列車の改札は %2 に終了しました</translation>
    </message>
    <message>
        <source>Please go to the service counter to change your ticket</source>
        <translation>窓口で乗車券の変更をしてください</translation>
    </message>
    <message>
        <source>%1 does not board at this gate</source>
        <translation>%1列車はこの改札口ではご乗車になれません</translation>
    </message>
    <message>
        <source>Please go to gate %1</source>
        <translation>%1 改札口へお越しください</translation>
    </message>
    <message>
        <source>This ticket is not for this station</source>
        <translation>当駅から乗車する乗車券ではありません</translation>
    </message>
    <message>
        <source>Your ticket is for station %1</source>
        <translation>乗車駅は %1 です</translation>
    </message>
    <message>
        <source>Train %1 is cancelled</source>
        <translation>%1列車は運休です</translation>
    </message>
    <message>
        <source>Please go to the service counter for a refund or another train</source>
        <translation>窓口で払い戻しか別の列車への変更をしてください</translation>
    </message>
    <message>
        <source>Train %1 is not on today&apos;s list</source>
        <translation>%1列車は本日の運行表にありません</translation>
    </message>
    <message>
        <source>Please go to the service counter</source>
        <translation>窓口へお越しください</translation>
    </message>
    <message>
        <source>This ticket was refunded</source>
        <translation>この乗車券は払い戻し済みです</translation>
    </message>
    <message>
        <source>This ticket was changed to another train</source>
        <translation>この乗車券は別の列車に変更済みです</translation>
    </message>
    <message>
        <source>Please use your new ticket</source>
        <translation>変更後の乗車券をご利用ください</translation>
    </message>
    <message>
        <source>This ticket was already used at %1</source>
        <translation>この乗車券は %1 に使用済みです</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>係員にお尋ねください</translation>
    </message>
    <message>
        <source>No ticket found for this document</source>
        <translation>この証明書の乗車券が見つかりません</translation>
    </message>
    <message>
        <source>Please use the document you bought the ticket with</source>
        <translation>購入時の証明書をご利用ください</translation>
    </message>
    <message>
        <source>This ticket is not on the list</source>
        <translation>この乗車券はリストにありません</translation>
    </message>
    <message>
        <source>This ticket belongs to another document</source>
        <translation>この乗車券は別の証明書で購入されています</translation>
    </message>
    <message>
        <source>This ticket cannot be checked against your document</source>
        <translation>この乗車券をお客様の証明書と照合できません</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>この電子乗車券は購入者本人の証明書と一緒でのみ有効です</translation>
    </message>
    <message>
        <source>Show the code, then place the ID card or passport you bought the ticket with</source>
        <translation>コードをかざしてから、購入時の身分証またはパスポートを置いてください</translation>
    </message>
    <message>
        <source>ID check is not available at this gate now</source>
        <translation>この改札口では現在、証明書を確認できません</translation>
    </message>
    <message>
        <source>Please show your e-ticket code, or ask staff for help</source>
        <translation>電子乗車券のコードをご提示いただくか、係員にお尋ねください</translation>
    </message>
    <message>
        <source>Your document has expired</source>
        <translation>証明書の有効期限が切れています</translation>
    </message>
    <message>
        <source>Your document number could not be verified</source>
        <translation>証明書の番号を確認できませんでした</translation>
    </message>
    <message>
        <source>Your student discount needs its yearly check</source>
        <translation>学生割引は年に一度の確認が必要です</translation>
    </message>
    <message>
        <source>This ticket is checked by staff</source>
        <translation>この乗車券は係員が確認します</translation>
    </message>
    <message>
        <source>Please go to the staffed gate</source>
        <translation>有人改札へお越しください</translation>
    </message>
    <message>
        <source>This passport could not be verified</source>
        <translation>このパスポートは確認できませんでした</translation>
    </message>
    <message>
        <source>The chip of your passport could not be checked</source>
        <translation>パスポートのICチップを確認できませんでした</translation>
    </message>
    <message>
        <source>Please place the passport on the reader again, or ask staff for help</source>
        <translation>パスポートをもう一度リーダーに置くか、係員にお尋ねください</translation>
    </message>
    <message>
        <source>This gate is not in service</source>
        <translation>この改札口は使用停止中です</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>別の改札口をご利用ください</translation>
    </message>
    <message>
        <source>Your ticket could not be read</source>
        <translation>乗車券を読み取れませんでした</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>もう一度お試しください</translation>
    </message>
    <message>
        <source>This code is not a valid e-ticket</source>
        <translation>このコードは有効な電子乗車券ではありません</translation>
    </message>
    <message>
        <source>Please show the e-ticket from the official app, or use your ID</source>
        <translation>公式アプリの電子乗車券をご提示いただくか、身分証をご利用ください</translation>
    </message>
    <message>
        <source>E-tickets cannot be checked at this gate now</source>
        <translation>この改札口では現在、電子乗車券を確認できません</translation>
    </message>
    <message>
        <source>Please use your ID, or ask staff for help</source>
        <translation>身分証をご利用いただくか、係員にお尋ねください</translation>
    </message>
    <message>
        <source>This e-ticket is not valid yet</source>
        <translation>この電子乗車券はまだ有効ではありません</translation>
    </message>
    <message>
        <source>This e-ticket has expired</source>
        <translation>この電子乗車券は有効期限切れです</translation>
    </message>
    <message>
        <source>Your passport could not be read</source>
        <translation>パスポートを読み取れませんでした</translation>
    </message>
    <message>
        <source>Please place the photo page flat on the reader</source>
        <translation>写真ページをリーダーに平らに置いてください</translation>
    </message>
    <message>
        <source>Your card could not be read</source>
        <translation>カードを読み取れませんでした</translation>
    </message>
    <message>
        <source>Please place your card on the reader again</source>
        <translation>カードをもう一度リーダーに置いてください</translation>
    </message>
</context>
</TS>
