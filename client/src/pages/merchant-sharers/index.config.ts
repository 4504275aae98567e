export default definePageConfig({
  navigationBarTitleText: '推客',
});
