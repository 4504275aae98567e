export default definePageConfig({
  navigationBarTitleText: '结算账本',
});
