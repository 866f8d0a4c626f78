<?xml version="1.0" encoding="UTF-8"?>
<!--
  doc-report.xsl - the year-end 软件正版化工作情况报告 to the county copyright
  bureau (kind="report", 上行文 with 签发人, 附件5 attached).

  The body is the ledger's opening paragraphs, then six parts in the order of
  《软件日常使用管理规定》六 (总结报告: 责任落实、软件采购、软件使用管理、督促
  检查) and the guide's yearly tasks: responsibility, procurement, usage,
  inspection, training, plan. Each part opens with text written here from the
  ledger and the derived facts (<f:facts>, every figure computed by C), and
  goes on with the paragraphs of the ledger's <section topic="..."> of that
  part. Sections without a topic, the closing paragraphs and 特此报告。 follow.
  Without facts (a ledger not run through `build`) the figures are left out,
  never computed here.

  Nothing is said twice:
  - 组长 and 副组长 are named after the post the ledger gives them
    (党组书记、局长韦振邦), 成员 by name only.
  - A preinstalled home edition is named once, in part 二 after the licences
    held that leave it out, with "（家庭版）" only when its name does not say
    so already.
  - Part 四 lays out the unit's inspection record of the year as written
    (its <summary>: scope, problems found, what was done); the audit's
    findings then are only counted, naming the year's inspection notice
    (kind="inspection-notice") that lists them, if the ledger has one. Only
    without such a summary are the findings listed here.
  - Part 六 opens with the unit's own plans (they usually begin
    "2024年，我局将…"); the standing tasks of the six systems follow with
    "同时，". Without plans of the unit's the standing tasks open the part
    with the year.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:zhengban:ledger:1"
    xmlns:f="urn:zhengban:facts:1"
    xmlns:zb="urn:zhengban:xslt"
    xmlns:lo="urn:zhengban:layout:1"
    exclude-result-prefixes="l f zb">
  <xsl:import href="doc-common.xsl"/>
  <xsl:variable name="kind" select="'report'"/>

  <xsl:variable name="year" select="string($ledger/@year)"/>

  <!-- what the unit calls itself: 局 -> 我局, 全局; 中心 -> 我中心; else
       我单位 -->
  <xsl:variable name="unit-name" select="normalize-space($ledger/l:unit/@name)"/>
  <xsl:variable name="unit-word">
    <xsl:variable name="last" select="substring($unit-name, string-length($unit-name))"/>
    <xsl:choose>
      <xsl:when test="substring($unit-name, string-length($unit-name) - 1) = '中心'">中心</xsl:when>
      <xsl:when test="contains('局院委办厅所站馆校社会', $last)"><xsl:value-of select="$last"/></xsl:when>
      <xsl:otherwise>单位</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="we" select="concat('我', $unit-word)"/>
  <xsl:variable name="topics" select="'responsibility procurement usage inspection training plan '"/>

  <xsl:template match="l:document" mode="body">
    <xsl:variable name="body" select="l:body"/>
    <xsl:apply-templates select="$body/l:p[not(preceding-sibling::l:section)]"/>
    <xsl:call-template name="parts">
      <xsl:with-param name="list" select="$topics"/>
      <xsl:with-param name="body" select="$body"/>
      <xsl:with-param name="n" select="1"/>
    </xsl:call-template>
    <xsl:apply-templates select="$body/l:p[preceding-sibling::l:section]"/>
    <lo:p style="body">特此报告。</lo:p>
  </xsl:template>

  <!-- the six parts, then the ledger's sections without a topic -->
  <xsl:template name="parts">
    <xsl:param name="list"/>
    <xsl:param name="body"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$list != ''">
        <xsl:variable name="topic" select="substring-before($list, ' ')"/>
        <xsl:variable name="own" select="$body/l:section[@topic = $topic]"/>
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="1"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$own/@heading"><xsl:value-of select="$own/@heading"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="." mode="heading">
                <xsl:with-param name="topic" select="$topic"/>
              </xsl:apply-templates></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="src" select="zb:where($own | $body[not($own)])"/>
        </xsl:call-template>
        <!-- the unit's own plans before the standing tasks (see "plan") -->
        <xsl:apply-templates select="$own[$topic = 'plan']/*"/>
        <xsl:apply-templates select="." mode="part">
          <xsl:with-param name="topic" select="$topic"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="$own[$topic != 'plan']/*"/>
        <xsl:call-template name="parts">
          <xsl:with-param name="list" select="substring-after($list, ' ')"/>
          <xsl:with-param name="body" select="$body"/>
          <xsl:with-param name="n" select="$n + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$body/l:section[not(@topic)]">
          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="1"/>
            <xsl:with-param name="n" select="$n + position() - 1"/>
            <xsl:with-param name="text" select="@heading"/>
            <xsl:with-param name="src" select="zb:where(.)"/>
          </xsl:call-template>
          <xsl:apply-templates select="*"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="node()" mode="heading">
    <xsl:param name="topic"/>
    <xsl:choose>
      <xsl:when test="$topic = 'responsibility'">落实软件正版化工作责任</xsl:when>
      <xsl:when test="$topic = 'procurement'">规范软件采购</xsl:when>
      <xsl:when test="$topic = 'usage'">加强软件使用和台账管理</xsl:when>
      <xsl:when test="$topic = 'inspection'">开展软件使用情况检查</xsl:when>
      <xsl:when test="$topic = 'training'">开展宣传培训</xsl:when>
      <xsl:otherwise>下一步工作打算</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===================================================== the parts -->

  <xsl:template match="node()" mode="part">
    <xsl:param name="topic"/>
    <lo:p style="body">
      <xsl:choose>
        <xsl:when test="$topic = 'responsibility'"><xsl:call-template name="responsibility"/></xsl:when>
        <xsl:when test="$topic = 'procurement'"><xsl:call-template name="procurement"/></xsl:when>
        <xsl:when test="$topic = 'usage'"><xsl:call-template name="usage"/></xsl:when>
        <xsl:when test="$topic = 'inspection'"><xsl:call-template name="inspection"/></xsl:when>
        <xsl:when test="$topic = 'training'"><xsl:call-template name="training"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="plan"/></xsl:otherwise>
      </xsl:choose>
    </lo:p>
  </xsl:template>

  <xsl:template name="name-of">
    <xsl:param name="staff"/>
    <xsl:for-each select="$ledger">
      <xsl:value-of select="zb:ref('staff', $staff)/@name"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="dept-name">
    <xsl:param name="dept"/>
    <xsl:for-each select="$ledger">
      <xsl:value-of select="zb:ref('departments', $dept)/@name"/>
    </xsl:for-each>
  </xsl:template>

  <!-- the names of MEMBERS joined with 、; with POSTS each after the post
       the ledger gives (党组书记、局长韦振邦), if any -->
  <xsl:template name="names">
    <xsl:param name="members"/>
    <xsl:param name="posts" select="false()"/>
    <xsl:for-each select="$members">
      <xsl:variable name="staff" select="@staff"/>
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:if test="$posts">
        <xsl:for-each select="$ledger"><xsl:value-of select="zb:ref('staff', $staff)/@post"/></xsl:for-each>
      </xsl:if>
      <xsl:call-template name="name-of"><xsl:with-param name="staff" select="$staff"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="responsibility">
    <xsl:variable name="group" select="$ledger/l:leadership/l:member"/>
    <xsl:variable name="head" select="$group[@role = '组长'][1]"/>
    <xsl:value-of select="concat($we, '成立了由')"/>
    <xsl:call-template name="names">
      <xsl:with-param name="members" select="$head"/>
      <xsl:with-param name="posts" select="true()"/>
    </xsl:call-template>
    <xsl:text>任组长，</xsl:text>
    <xsl:call-template name="names">
      <xsl:with-param name="members" select="$group[@role = '副组长']"/>
      <xsl:with-param name="posts" select="true()"/>
    </xsl:call-template>
    <xsl:text>任副组长，</xsl:text>
    <xsl:call-template name="names"><xsl:with-param name="members" select="$group[@role = '成员']"/></xsl:call-template>
    <xsl:text>为成员的软件正版化工作领导小组，</xsl:text>
    <xsl:call-template name="dept-name"><xsl:with-param name="dept" select="$ledger/l:unit/l:roles/l:responsible/@dept"/></xsl:call-template>
    <xsl:text>负责软件正版化日常工作，各股室主要负责人为本股室软件正版化工作第一责任人。</xsl:text>
  </xsl:template>

  <!-- the name of a class of software of 附件5 -->
  <xsl:template match="f:cell" mode="class">
    <xsl:choose>
      <xsl:when test="@category = '操作系统'">操作系统软件</xsl:when>
      <xsl:when test="@category = '办公'">办公软件</xsl:when>
      <xsl:otherwise>杀毒软件</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="procurement">
    <xsl:variable name="bought"
        select="$ledger/l:software/l:commercial[starts-with(l:purchase/@date, $year)]"/>
    <xsl:choose>
      <xsl:when test="$bought">
        <xsl:value-of select="concat($year, '年，', $we, '按照软件采购计划采购正版软件')"/>
        <xsl:for-each select="$bought">
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:variable name="amount" select="string(l:purchase/@amount)"/>
          <xsl:value-of select="concat(@name, '（', l:license/@count, '个许可，')"/>
          <!-- the amount as the ledger writes it, without a bare .00 -->
          <xsl:choose>
            <xsl:when test="substring-after($amount, '.') = '00' or
                            substring-after($amount, '.') = '0'">
              <xsl:value-of select="substring-before($amount, '.')"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$amount"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>元）</xsl:text>
        </xsl:for-each>
        <xsl:text>。</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($year, '年，', $we, '没有采购软件。')"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="total" select="$facts/f:statistics/f:purchases/f:row[@origin = '合计']"/>
    <xsl:if test="$total/f:cell[@category = '总计']/@licenses &gt; 0">
      <xsl:text>按《软件正版化工作信息统计表》口径，本年度采购操作系统、办公、杀毒软件许可共</xsl:text>
      <xsl:value-of select="concat($total/f:cell[@category = '总计']/@licenses, '个，金额',
                                   $total/f:cell[@category = '总计']/@wanyuan, '万元')"/>
      <xsl:for-each select="$total/f:cell[@category != '总计' and @licenses &gt; 0]">
        <xsl:choose>
          <xsl:when test="position() = 1">，其中</xsl:when>
          <xsl:otherwise>、</xsl:otherwise>
        </xsl:choose>
        <xsl:apply-templates select="." mode="class"/>
        <xsl:value-of select="concat(@licenses, '个（', @wanyuan, '万元）')"/>
      </xsl:for-each>
      <xsl:text>。</xsl:text>
    </xsl:if>
    <xsl:variable name="held" select="$facts/f:statistics/f:holdings/f:row[@origin = '合计']"/>
    <xsl:if test="$held">
      <xsl:text>截至</xsl:text>
      <xsl:call-template name="cn-date"><xsl:with-param name="date" select="$facts/@asOf"/></xsl:call-template>
      <xsl:value-of select="concat('，', $we, '累计拥有正版软件许可',
                                   $held/f:cell[@category = '总计']/@licenses,
                                   '个，其中操作系统软件', $held/f:cell[@category = '操作系统']/@licenses,
                                   '个、办公软件', $held/f:cell[@category = '办公']/@licenses,
                                   '个、杀毒软件', $held/f:cell[@category = '杀毒']/@licenses, '个。')"/>
    </xsl:if>
    <xsl:apply-templates select="$facts/f:statistics/f:holdings[f:homeEdition]" mode="home"/>
  </xsl:template>

  <!-- The computers whose preinstalled system is a home edition, left out
       of the licences held (附件5's note): each software named once, with
       "家庭版" only when its name does not already say so. -->
  <xsl:template match="f:holdings" mode="home">
    <xsl:for-each select="f:homeEdition">
      <xsl:variable name="id" select="@software"/>
      <xsl:variable name="name" select="normalize-space($ledger/l:software/l:oem[@id = $id]/@name)"/>
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:value-of select="concat('计算机', @computer, '随机预装的', $name)"/>
      <xsl:if test="not(contains($name, '家庭') or contains($name, 'Home'))">（家庭版）</xsl:if>
    </xsl:for-each>
    <xsl:if test="count(f:homeEdition) &gt; 1">均</xsl:if>
    <xsl:text>不能作为单位的正版软件许可，未计入累计拥有的许可。</xsl:text>
  </xsl:template>

  <xsl:template name="usage">
    <xsl:variable name="c" select="$facts/f:statistics/f:computers"/>
    <xsl:variable name="p" select="$facts/f:statistics/f:people"/>
    <xsl:if test="$c">
      <xsl:value-of select="concat('全', $unit-word, '在用计算机', $c/@total, '台（服务器', $c/@servers, '台、台式机',
                                   $c/@desktops, '台、便携机', $c/@laptops, '台），',
                                   $p/@total, '名工作人员中', $p/@computerUsers, '人使用计算机。')"/>
    </xsl:if>
    <xsl:value-of select="$we"/>
    <xsl:text>按照《软件台账管理规定》建立软件使用管理台账，软件安装、卸载和升级一律填写申请表或由</xsl:text>
    <xsl:call-template name="dept-name"><xsl:with-param name="dept" select="$ledger/l:unit/l:roles/l:it/@dept"/></xsl:call-template>
    <xsl:text>统一部署，安装维护后由使用人签字确认</xsl:text>
    <xsl:variable name="updates" select="$ledger/l:revisions/l:revision[starts-with(@date, $year)]"/>
    <xsl:if test="$updates">
      <xsl:text>；台账于</xsl:text>
      <xsl:for-each select="$updates">
        <xsl:if test="position() &gt; 1">、</xsl:if>
        <xsl:call-template name="month-day"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      </xsl:for-each>
      <xsl:text>更新</xsl:text>
    </xsl:if>
    <xsl:text>。</xsl:text>
  </xsl:template>

  <!-- 6月30日: a date of the report's year without the year -->
  <xsl:template name="month-day">
    <xsl:param name="date"/>
    <xsl:value-of select="concat(number(substring($date, 6, 2)), '月', number(substring($date, 9, 2)), '日')"/>
  </xsl:template>

  <xsl:template name="inspection">
    <xsl:variable name="checks" select="$ledger/l:inspections/l:inspection[starts-with(@date, $year)]"/>
    <xsl:if test="not($checks)">
      <xsl:value-of select="concat($year, '年，', $we, '尚未开展软件使用情况全面检查。')"/>
    </xsl:if>
    <xsl:for-each select="$checks">
      <xsl:call-template name="cn-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      <xsl:text>，</xsl:text>
      <xsl:if test="@dept">
        <xsl:call-template name="dept-name"><xsl:with-param name="dept" select="@dept"/></xsl:call-template>
        <xsl:text>牵头</xsl:text>
      </xsl:if>
      <xsl:value-of select="concat('开展', normalize-space(@title), '。', normalize-space(l:summary))"/>
    </xsl:for-each>
    <xsl:call-template name="findings">
      <xsl:with-param name="told" select="$checks/l:summary[normalize-space()]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The findings of `audit` (<f:audit> in the facts), given in full once.
       The unit's inspection record of the year (TOLD, its <summary>: scope,
       problems, what was done) is laid out as written; after it the
       findings are only counted, with the year's inspection notice that
       lists them, if the ledger has one. Without such a record they are
       listed here. -->
  <xsl:template name="findings">
    <xsl:param name="told"/>
    <xsl:variable name="found" select="$facts/f:audit/f:finding"/>
    <xsl:variable name="notice"
        select="$ledger/l:documents/l:document[@kind = 'inspection-notice' and starts-with(l:date, $year)][1]"/>
    <xsl:if test="$facts/f:audit">
      <xsl:text>经对照软件使用管理台账核查，</xsl:text>
      <xsl:choose>
        <xsl:when test="not($found)">未发现问题。</xsl:when>
        <xsl:when test="$told">
          <xsl:value-of select="concat('共发现问题', count($found), '个')"/>
          <xsl:if test="$notice">
            <xsl:text>，已于</xsl:text>
            <xsl:call-template name="month-day"><xsl:with-param name="date" select="$notice/l:date"/></xsl:call-template>
            <xsl:value-of select="concat('以《', normalize-space($notice/l:title), '》（')"/>
            <xsl:call-template name="doc-number">
              <xsl:with-param name="number" select="$notice/l:number"/>
            </xsl:call-template>
            <xsl:text>）通报</xsl:text>
          </xsl:if>
          <xsl:text>。</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('发现问题', count($found), '个：')"/>
          <xsl:for-each select="$found">
            <xsl:if test="position() &gt; 1">；</xsl:if>
            <xsl:value-of select="normalize-space(concat(@message, .))"/>
          </xsl:for-each>
          <xsl:text>。</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="training">
    <xsl:variable name="events" select="$ledger/l:trainings/l:training[starts-with(@date, $year)]"/>
    <xsl:if test="not($events)">
      <xsl:value-of select="concat($year, '年，', $we, '没有举办或参加软件正版化培训。')"/>
    </xsl:if>
    <xsl:for-each select="$events">
      <xsl:call-template name="cn-date"><xsl:with-param name="date" select="@date"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="@external = 'true' or @external = '1'">
          <xsl:text>，</xsl:text>
          <xsl:if test="@attendees"><xsl:value-of select="concat($we, @attendees, '人')"/></xsl:if>
          <xsl:value-of select="concat('参加', @organiser, '举办的', normalize-space(@title), '。')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat('，', $we, '举办', normalize-space(@title))"/>
          <xsl:if test="@attendees"><xsl:value-of select="concat('，', @attendees, '人参加')"/></xsl:if>
          <xsl:text>。</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The standing tasks of the six systems. After the unit's own plans
       (which open the part, usually "2024年，我局将…") they go on with
       "同时，" instead of opening with the year again. -->
  <xsl:template name="plan">
    <xsl:choose>
      <xsl:when test="$doc/l:body/l:section[@topic = 'plan']/*">同时，</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($year + 1, '年，')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat($we, '将继续落实软件正版化工作责任，严格执行软件正版化工作六项制度，',
                                 '做好软件采购、安装维护和台账管理，至少每半年更新一次软件台账，',
                                 '年内开展一次软件使用情况全面检查，举办一次软件正版化培训。')"/>
  </xsl:template>

</xsl:stylesheet>
