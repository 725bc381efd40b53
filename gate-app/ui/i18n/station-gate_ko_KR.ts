<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AdmittedScreen</name>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>%1명, 한 분씩 통과하세요</translation>
    </message>
    <message>
        <source>Please go through</source>
        <translation>통과하세요</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>열차</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>호차</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>좌석</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>구간</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>출발</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>이름</translation>
    </message>
</context>
<context>
    <name>AwaitingDocumentScreen</name>
    <message>
        <source>Now place the ID card or passport you bought the ticket with</source>
        <translation>이제 승차권을 구매한 신분증이나 여권을 올려 주세요</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>이 전자 승차권은 구매자 본인의 신분증이 있어야 유효합니다</translation>
    </message>
    <message>
        <source>Seconds left: %1</source>
        <translation>남은 시간: %1초</translation>
    </message>
</context>
<context>
    <name>DeniedScreen</name>
    <message>
        <source>Entry not possible</source>
        <translation>통과할 수 없습니다</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>코드 %1</translation>
    </message>
    <message>
        <source>Staff will help you</source>
        <translation>직원이 도와드리겠습니다</translation>
    </message>
</context>
<context>
    <name>FreePassageScreen</name>
    <message>
        <source>Free entry</source>
        <translation>자유 입장</translation>
    </message>
    <message>
        <source>Free exit</source>
        <translation>자유 퇴장</translation>
    </message>
    <message>
        <source>Free passage</source>
        <translation>자유 통행</translation>
    </message>
    <message>
        <source>Entering: no ticket check, please go through</source>
        <translation>입장: 검표 없이 통과하세요</translation>
    </message>
    <message>
        <source>Leaving: no ticket check, please go through</source>
        <translation>퇴장: 검표 없이 통과하세요</translation>
    </message>
    <message>
        <source>No ticket check: please go through</source>
        <translation>검표 없음: 그대로 통과하세요</translation>
    </message>
    <message>
        <source>Leaving: please use another gate</source>
        <translation>퇴장: 다른 개찰구를 이용하세요</translation>
    </message>
    <message>
        <source>Entering: please use another gate</source>
        <translation>입장: 다른 개찰구를 이용하세요</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Please present your ticket or ID</source>
        <translation>승차권이나 신분증을 보여 주세요</translation>
    </message>
    <message>
        <source>E-ticket QR code</source>
        <translation>전자 승차권 QR 코드</translation>
    </message>
    <message>
        <source>Hold the code under the scanner window</source>
        <translation>코드를 스캐너 창 아래에 대 주세요</translation>
    </message>
    <message>
        <source>ID card or residence permit</source>
        <translation>신분증 또는 거주증</translation>
    </message>
    <message>
        <source>Place the card flat on the reader</source>
        <translation>카드를 리더기에 평평하게 올려 주세요</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>여권</translation>
    </message>
    <message>
        <source>Lay the photo page face down on the glass</source>
        <translation>사진 면을 아래로 하여 유리 위에 놓아 주세요</translation>
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
        <translation>역 개찰구</translation>
    </message>
</context>
<context>
    <name>OutOfServiceScreen</name>
    <message>
        <source>root key</source>
        <translation>루트 키</translation>
    </message>
    <message>
        <source>device key</source>
        <translation>장치 키</translation>
    </message>
    <message>
        <source>lane address</source>
        <translation>통로 주소</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>This gate is closed</source>
        <translation>이 개찰구는 닫혀 있습니다</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>다른 개찰구를 이용하세요</translation>
    </message>
    <message>
        <source>Not commissioned. Still to set: %1</source>
        <translation>설치가 끝나지 않았습니다. 설정할 항목: %1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>코드 %1</translation>
    </message>
</context>
<context>
    <name>ReadingScreen</name>
    <message>
        <source>Hold still</source>
        <translation>움직이지 마세요</translation>
    </message>
    <message>
        <source>Move the document closer</source>
        <translation>신분증을 더 가까이 대 주세요</translation>
    </message>
    <message>
        <source>Glare: tilt the document slightly</source>
        <translation>빛 반사: 신분증을 살짝 기울여 주세요</translation>
    </message>
    <message>
        <source>Reading the chip, keep the passport still</source>
        <translation>칩 읽는 중: 여권을 그대로 두세요</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>Keep the ticket or document in place until the screen changes</source>
        <translation>화면이 바뀔 때까지 승차권이나 신분증을 그대로 두세요</translation>
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
        <translation>승차권 정보가 %1시간 %2분 전에 마지막으로 갱신되었습니다. 그 후 구매한 승차권은 직원에게 문의하세요.</translation>
    </message>
    <message>
        <source>Ticket data last updated %1 min ago. Tickets bought since then: please ask staff.</source>
        <translation>승차권 정보가 %1분 전에 마지막으로 갱신되었습니다. 그 후 구매한 승차권은 직원에게 문의하세요.</translation>
    </message>
</context>
<context>
    <name>gate::Reason</name>
    <message>
        <source>Train %1</source>
        <translation>%1 열차</translation>
    </message>
    <message>
        <source>%1 passengers, please pass one by one</source>
        <translation>%1명, 한 분씩 통과하세요</translation>
    </message>
    <message>
        <source>Please pass</source>
        <translation>통과하세요</translation>
    </message>
    <message>
        <source>Train %1, coach %2, seat %3</source>
        <translation>%1 열차 %2호차 %3석</translation>
    </message>
    <message>
        <source>Check-in for %1 opens at %2</source>
        <translation>%1 열차 개찰은 %2에 시작합니다</translation>
    </message>
    <message>
        <source>Please wait in the waiting hall</source>
        <translation>대합실에서 기다려 주세요</translation>
    </message>
    <message>
        <source>Check-in for %1 closed at %2</source>
        <translation>%1 열차 개찰은 %2에 마감되었습니다</translation>
    </message>
    <message>
        <source>Please go to the service counter to change your ticket</source>
        <translation>안내 창구에서 승차권을 변경하세요</translation>
    </message>
    <message>
        <source>%1 does not board at this gate</source>
        <translation>%1 열차는 이 개찰구에서 타지 않습니다</translation>
    </message>
    <message>
        <source>Please go to gate %1</source>
        <translation>%1 개찰구로 가 주세요</translation>
    </message>
    <message>
        <source>This ticket is not for this station</source>
        <translation>이 역에서 타는 승차권이 아닙니다</translation>
    </message>
    <message>
        <source>Your ticket is for station %1</source>
        <translation>승차역은 %1입니다</translation>
    </message>
    <message>
        <source>Train %1 is cancelled</source>
        <translation>%1 열차는 운행이 취소되었습니다</translation>
    </message>
    <message>
        <source>Please go to the service counter for a refund or another train</source>
        <translation>안내 창구에서 환불하거나 다른 열차로 바꾸세요</translation>
    </message>
    <message>
        <source>Train %1 is not on today&apos;s list</source>
        <translation>%1 열차는 오늘 운행 목록에 없습니다</translation>
    </message>
    <message>
        <source>Please go to the service counter</source>
        <translation>안내 창구로 가 주세요</translation>
    </message>
    <message>
        <source>This ticket was refunded</source>
        <translation>환불된 승차권입니다</translation>
    </message>
    <message>
        <source>This ticket was changed to another train</source>
        <translation>다른 열차로 변경된 승차권입니다</translation>
    </message>
    <message>
        <source>Please use your new ticket</source>
        <translation>새 승차권을 사용하세요</translation>
    </message>
    <message>
        <source>This ticket was already used at %1</source>
        <translation>이 승차권은 %1에 이미 사용되었습니다</translation>
    </message>
    <message>
        <source>Please ask staff for help</source>
        <translation>직원에게 도움을 요청하세요</translation>
    </message>
    <message>
        <source>No ticket found for this document</source>
        <translation>이 신분증으로 구매한 승차권이 없습니다</translation>
    </message>
    <message>
        <source>Please use the document you bought the ticket with</source>
        <translation>승차권을 구매한 신분증을 사용하세요</translation>
    </message>
    <message>
        <source>This ticket is not on the list</source>
        <translation>명단에 없는 승차권입니다</translation>
    </message>
    <message>
        <source>This ticket belongs to another document</source>
        <translation>다른 신분증으로 구매한 승차권입니다</translation>
    </message>
    <message>
        <source>This ticket cannot be checked against your document</source>
        <translation>이 승차권을 신분증과 대조할 수 없습니다</translation>
    </message>
    <message>
        <source>This e-ticket is valid only with its holder&apos;s document</source>
        <translation>이 전자 승차권은 구매자 본인의 신분증이 있어야 유효합니다</translation>
    </message>
    <message>
        <source>Show the code, then place the ID card or passport you bought the ticket with</source>
        <translation>코드를 보여 주신 뒤, 승차권을 구매한 신분증이나 여권을 올려 주세요</translation>
    </message>
    <message>
        <source>ID check is not available at this gate now</source>
        <translation>지금 이 개찰구에서는 신분증을 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>Please show your e-ticket code, or ask staff for help</source>
        <translation>전자 승차권 코드를 보여 주시거나 직원에게 문의하세요</translation>
    </message>
    <message>
        <source>Your document has expired</source>
        <translation>신분증의 유효 기간이 지났습니다</translation>
    </message>
    <message>
        <source>Your document number could not be verified</source>
        <translation>신분증 번호를 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>Your student discount needs its yearly check</source>
        <translation>학생 할인은 해마다 확인을 받아야 합니다</translation>
    </message>
    <message>
        <source>This ticket is checked by staff</source>
        <translation>이 승차권은 직원이 확인합니다</translation>
    </message>
    <message>
        <source>Please go to the staffed gate</source>
        <translation>직원이 있는 개찰구로 가 주세요</translation>
    </message>
    <message>
        <source>This passport could not be verified</source>
        <translation>이 여권은 확인되지 않았습니다</translation>
    </message>
    <message>
        <source>The chip of your passport could not be checked</source>
        <translation>여권 칩을 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>Please place the passport on the reader again, or ask staff for help</source>
        <translation>여권을 리더기에 다시 올리시거나 직원에게 문의하세요</translation>
    </message>
    <message>
        <source>This gate is not in service</source>
        <translation>이 개찰구는 운영하지 않습니다</translation>
    </message>
    <message>
        <source>Please use another gate</source>
        <translation>다른 개찰구를 이용하세요</translation>
    </message>
    <message>
        <source>Your ticket could not be read</source>
        <translation>승차권을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Please try again</source>
        <translation>다시 시도해 주세요</translation>
    </message>
    <message>
        <source>This code is not a valid e-ticket</source>
        <translation>유효한 전자 승차권 코드가 아닙니다</translation>
    </message>
    <message>
        <source>Please show the e-ticket from the official app, or use your ID</source>
        <translation>공식 앱의 전자 승차권을 보여 주시거나 신분증을 사용하세요</translation>
    </message>
    <message>
        <source>E-tickets cannot be checked at this gate now</source>
        <translation>지금 이 개찰구에서는 전자 승차권을 확인할 수 없습니다</translation>
    </message>
    <message>
        <source>Please use your ID, or ask staff for help</source>
        <translation>신분증을 사용하시거나 직원에게 문의하세요</translation>
    </message>
    <message>
        <source>This e-ticket is not valid yet</source>
        <translation>이 전자 승차권은 아직 유효하지 않습니다</translation>
    </message>
    <message>
        <source>This e-ticket has expired</source>
        <translation>이 전자 승차권은 유효 기간이 지났습니다</translation>
    </message>
    <message>
        <source>Your passport could not be read</source>
        <translation>여권을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Please place the photo page flat on the reader</source>
        <translation>사진 면을 리더기에 평평하게 올려 주세요</translation>
    </message>
    <message>
        <source>Your card could not be read</source>
        <translation>카드를 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Please place your card on the reader again</source>
        <translation>카드를 리더기에 다시 올려 주세요</translation>
    </message>
</context>
</TS>
